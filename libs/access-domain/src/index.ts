export * from './api-key/api-key.commands';
export * from './api-key/api-key.events';
export * from './api-key/api-key.errors';
export * from './api-key/api-key.state';
export * from './api-key/api-key.decide';
