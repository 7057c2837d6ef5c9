// What every service shares: bootstrap, command runner and table, idempotency, error mapping, readiness, relay,
// secrets and bus consumers.
export { runService, bootstrapService, type ServiceBootstrap } from './bootstrap';
export { ServiceKitModule, serviceSchema, kitMigrations } from './service-kit.module';
export { SERVICE, type ConsumerDefinition, type ServiceDefinition, type ResolvedService } from './tokens';
export { aggregateView, streamIdOf, type Aggregate, type DomainEvent } from './commands/aggregate';
export { CommandRunner, eventMetadata, type CommandContext } from './commands/command-runner';
export { byParamsId, commandController, commandsOf, type CommandEntry } from './commands/command-table';
export { claimIdempotencyKey, idempotencyMigration } from './commands/idempotency';
export { RpcOperation, type OperationHandler } from './rpc/rpc-operation.decorator';
export { Readiness } from './readiness/readiness';
export { RelayHost } from './relay/relay.host';
export { IdempotencyKeyReusedError, kitErrorMapper, PreconditionFailedError } from './errors';
export { CursorSchemas, MAX_PAGE_BYTES, Paging } from './queries/paging';
export { batchedLookup } from './queries/batched-lookup';
export { KitSecrets, kitSecretsMigration } from './secrets/kit-secrets';
export { ConsumerHost } from './consumers/consumer.host';
