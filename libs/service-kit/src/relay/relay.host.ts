import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { EVENT_STORE, PG_POOL, type EventStore } from '@platform/event-store';
import {
  connectNats,
  EventRelay,
  eventStreamSettings,
  relayLingerMs,
  relayPollMs,
  type RelayStats,
} from '@platform/messaging';
import type { NatsConnection } from 'nats';
import type { Pool } from 'pg';
import { SERVICE, type ResolvedService } from '../tokens';

/** Runs the service's event relay (store → JetStream); with several instances one leads, the rest stand by. */
@Injectable()
export class RelayHost implements OnApplicationBootstrap, OnApplicationShutdown {
  private nats?: NatsConnection;
  private relay?: EventRelay;

  constructor(
    @Inject(SERVICE) private readonly service: ResolvedService,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PG_POOL) private readonly pool: Pool,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.nats = await connectNats({ name: `${this.service.name}-relay` });
    this.relay = new EventRelay({
      store: this.store,
      pool: this.pool,
      schema: this.service.schema,
      nats: this.nats,
      logger: new Logger('EventRelay'),
      ...eventStreamSettings(),
      lingerMs: relayLingerMs(),
      pollIntervalMs: relayPollMs(),
    });
    this.relay.start();
  }

  get stats(): RelayStats & { leader: boolean } {
    return {
      ...(this.relay?.stats ?? { published: 0, duplicates: 0, parked: 0 }),
      leader: this.relay?.isLeader ?? false,
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.relay?.stop();
    await this.nats?.drain().catch(() => undefined);
  }
}
