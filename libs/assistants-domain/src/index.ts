export * from './assistant/assistant.commands';
export * from './assistant/assistant.events';
export * from './assistant/assistant.errors';
export * from './assistant/assistant.state';
export * from './assistant/assistant.decide';
export * from './assistant/lifecycle';
export * from './assistant/slug';
export * from './assistant/catalog';
