export * from './problem';
export * from './common/envelope';
export * from './common/schemas';
export * from './common/cursor';
export * from './assistants/assistant.schemas';
export * from './assistants/assistant.dto';
export * from './assistants/assistant.patterns';
