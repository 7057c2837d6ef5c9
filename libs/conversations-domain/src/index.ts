export * from './conversation/conversation.commands';
export * from './conversation/conversation.events';
export * from './conversation/conversation.errors';
export * from './conversation/conversation.state';
export * from './conversation/conversation.decide';
export * from './context/tokens';
export * from './context/window';
export * from './context/extractive-summary';
