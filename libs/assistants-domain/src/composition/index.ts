export * from './conditions';
export * from './persona-section';
export * from './tokens';
export * from './compose';
