export * from './prompt.commands';
export * from './prompt.events';
export * from './prompt.errors';
export * from './prompt.state';
export * from './prompt.decide';
export * from './template';
