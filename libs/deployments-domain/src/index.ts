export * from './deployment/deployment.commands';
export * from './deployment/deployment.errors';
export * from './deployment/deployment.state';
export * from './deployment/deployment.decide';
export * from './environments/environments';
export * from './readiness/readiness';
