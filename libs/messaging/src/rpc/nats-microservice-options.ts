import type { CustomStrategy, NatsOptions } from '@nestjs/microservices';
import { natsServers } from '../config/bus-config';
import { PlatformNatsServer } from './nats-server';

export type NatsTransportOptions = NonNullable<NatsOptions['options']>;

/**
 * Options for `NestFactory.createMicroservice(Module, natsMicroserviceOptions('assistants'))`. Every instance of
 * a service joins the queue group `queue`, so each request is handled by exactly one instance.
 */
export function natsMicroserviceOptions(queue: string, overrides: NatsTransportOptions = {}): CustomStrategy {
  if (!queue) throw new Error('A queue group name is required');
  const options = {
    servers: natsServers(),
    queue,
    name: queue,
    maxReconnectAttempts: -1,
    reconnectTimeWait: 500,
    // Failures are told apart by their code; no stack is captured up front for every request's timeout.
    noAsyncTraces: true,
    ...overrides,
  };
  // Stop taking requests, let those in flight answer (up to SHUTDOWN_TIMEOUT_MS), then close.
  return { strategy: new PlatformNatsServer(options, shutdownTimeoutMs()) };
}

/** `SHUTDOWN_TIMEOUT_MS` (default 10000): how long a stopping process waits for work in flight. */
export function shutdownTimeoutMs(): number {
  const value = Number(process.env.SHUTDOWN_TIMEOUT_MS || 10_000);
  if (!Number.isInteger(value) || value <= 0) throw new Error('SHUTDOWN_TIMEOUT_MS must be a positive integer');
  return value;
}
