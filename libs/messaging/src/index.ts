export {
  assertBusPrefix,
  busPrefix,
  rpcChannel,
  durationMs,
  eventStreamSettings,
  relayLingerMs,
  relayPollMs,
  relayWakeSubject,
  eventFilter,
  eventStreamName,
  eventSubject,
  natsServers,
  natsUrl,
  rpcSubject,
  rpcTimeoutMs,
  streamCategory,
  streamNamePrefix,
} from './config/bus-config';
export { connectNats } from './nats/connect-nats';
export { BusClaimedError, installationId, resolveBusIdentity, type BusIdentity } from './config/bus-identity';
export {
  busEventHeaders,
  decodeBusEvent,
  encodeBusEvent,
  EVENT_HEADERS,
  MalformedBusEventError,
  toBusEvent,
  type BusEvent,
} from './events/bus-event';
export {
  BusEventContractError,
  InvalidEventDataError,
  parseBusEvent,
  UnknownEventTypeError,
  UnsupportedEventVersionError,
  type ParsedBusEvent,
} from './events/parse-bus-event';

export { natsMicroserviceOptions, shutdownTimeoutMs, type NatsTransportOptions } from './rpc/nats-microservice-options';
export {
  RpcClient,
  RPC_CLIENT_OPTIONS,
  type PingResult,
  type RpcClientOptions,
  type RpcSendOptions,
} from './rpc/rpc-client';
export { RpcClientModule } from './rpc/rpc-client.module';
export { RpcProblemError } from './rpc/rpc-problem.error';
export { rpcFailureProblem } from './rpc/rpc-failure';
export {
  INTERNAL_ERROR_DETAIL,
  mapErrors,
  onError,
  platformErrorMapper,
  toRpcProblem,
  type ErrorClass,
  type ErrorMapper,
  type ErrorMapping,
} from './rpc/error-mapping';
export { provideRpcProblemFilter, RpcProblemFilter } from './rpc/rpc-problem.filter';
export { RpcPattern } from './rpc/rpc-pattern.decorator';

export { ensureEventStream, type EventStreamOptions } from './relay/event-stream';
export { EventRelay, type EventRelayOptions, type RelayStats } from './relay/event-relay';
export { migrateRelay, readRelayCheckpoint, relayMigrations, saveRelayCheckpoint } from './relay/relay-checkpoint';

export {
  IdempotentConsumer,
  type BatchEventHandler,
  type ConsumerStats,
  type EventHandler,
  type IdempotentConsumerOptions,
} from './consumer/idempotent-consumer';
export {
  claimEvents,
  migrateProcessedEvents,
  processedEventsMigrations,
} from './consumer/processed-events';
