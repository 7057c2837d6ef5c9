import { Transport, type MicroserviceOptions, type NatsOptions } from '@nestjs/microservices';
import { natsServers } from '../config/bus-config';

export type NatsTransportOptions = NonNullable<NatsOptions['options']>;

/**
 * Options for `NestFactory.createMicroservice(Module, natsMicroserviceOptions('assistants'))`. Every instance of
 * a service joins the queue group `queue`, so each request is handled by exactly one instance.
 */
export function natsMicroserviceOptions(queue: string, overrides: NatsTransportOptions = {}): MicroserviceOptions {
  if (!queue) throw new Error('A queue group name is required');
  return {
    transport: Transport.NATS,
    options: {
      servers: natsServers(),
      queue,
      name: queue,
      maxReconnectAttempts: -1,
      reconnectTimeWait: 500,
      // Stop taking requests, let those in flight answer, then close.
      gracefulShutdown: true,
      gracePeriod: 1000,
      ...overrides,
    },
  };
}
