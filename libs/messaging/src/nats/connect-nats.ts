import { connect, type ConnectionOptions, type NatsConnection } from 'nats';
import { natsServers } from '../config/bus-config';

/**
 * A NatsConnection for JetStream work (relay, consumers) that keeps reconnecting for as long as the process
 * lives: a NATS restart pauses publishing and consuming instead of ending them.
 */
export function connectNats(options: ConnectionOptions = {}): Promise<NatsConnection> {
  return connect({
    servers: natsServers(),
    maxReconnectAttempts: -1,
    reconnectTimeWait: 500,
    // Failures are told apart by their code; no stack is captured up front for every request's timeout.
    noAsyncTraces: true,
    ...options,
  });
}
