import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { PG_POOL } from '@platform/event-store';
import { connectNats, IdempotentConsumer, type ConsumerStats } from '@platform/messaging';
import type { NatsConnection } from 'nats';
import type { Pool } from 'pg';
import { SERVICE, type ResolvedService } from '../tokens';

/**
 * Runs the service's declared bus consumers (`consumers` in ServiceKitModule.forRoot): each an IdempotentConsumer
 * whose writes and processed event ids share a transaction in the service's schema. Instances of one service share
 * each durable consumer, so JetStream hands every event to one of them. Started once the app is up, stopped on
 * shutdown after the message in hand is committed and acked.
 */
@Injectable()
export class ConsumerHost implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private nats?: NatsConnection;
  private readonly running: IdempotentConsumer[] = [];

  constructor(
    @Inject(SERVICE) private readonly service: ResolvedService,
    @Inject(PG_POOL) private readonly pool: Pool,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const definitions = this.service.consumers ?? [];
    if (definitions.length === 0) return;
    this.nats = await connectNats({ name: `${this.service.name}-consumers` });
    for (const definition of definitions) {
      // A definition is the consumer's own options (the same names), run in the service's schema and connections.
      const consumer = new IdempotentConsumer({
        ...definition,
        nats: this.nats,
        pool: this.pool,
        schema: this.service.schema,
        logger: new Logger(`Consumer(${definition.name})`),
      });
      await consumer.start();
      this.running.push(consumer);
    }
  }

  /** What each consumer has done since start, by name. */
  get stats(): Record<string, ConsumerStats> {
    return Object.fromEntries(this.running.map((c) => [c.name, c.stats]));
  }

  // Before any onApplicationShutdown: an in-order consumer holds a pool connection (its lead) that the event
  // store's pool, ended there, would otherwise wait for.
  async beforeApplicationShutdown(): Promise<void> {
    await Promise.all(this.running.splice(0).map((c) => c.stop()));
    await this.nats?.drain().catch(() => undefined);
  }
}
