export * from './decider-spec';
export * from './platform';
export * from './test-database';
export * from './test-bus';
