import type { InlineProjection, Migration, Upcaster } from '@platform/event-store';
import type { BatchEventHandler, EventHandler } from '@platform/messaging';

/** A durable bus consumer the kit runs for the service (an IdempotentConsumer in the service's schema). */
export interface ConsumerDefinition {
  /** Durable JetStream consumer name, and its key in processed_events ([A-Za-z0-9_-]). */
  name: string;
  /** Applies one event; its writes commit with the event's id, so a redelivery changes nothing. */
  handler: EventHandler;
  /** Optional: applies a batch of delivered events in one transaction (see IdempotentConsumerOptions). */
  batchHandler?: BatchEventHandler;
  maxBatch?: number;
  /**
   * Messages pulled at a time (IdempotentConsumerOptions.batchSize). Above maxBatch, the next batch is delivered
   * while one is applied; in order, still no more than this one pull is unacknowledged.
   */
  batchSize?: number;
  /** How long a batch may wait to fill (IdempotentConsumerOptions.lingerMs); default 0. */
  lingerMs?: number;
  /** Events in stream order across replicas and failures (see IdempotentConsumerOptions.inOrder). */
  inOrder?: boolean;
  /** Redelivery when no ack arrives (a replica died holding events); default 30 s. */
  ackWaitMs?: number;
  /** Subjects to receive (eventFilter); default every domain event on the bus. */
  filterSubjects?: string[];
}

/** What a service declares about itself; the kit wires the rest. */
export interface ServiceDefinition {
  /** Its entry in the platform's service registry (`PLATFORM_SERVICES`). */
  name: string;
  /** Its read models, kept in the append transaction (read-your-writes). */
  projections: InlineProjection[];
  /** Its read-model tables, applied at start after the event store's own (unqualified names). */
  migrations: Migration[];
  /** Upcasters and current schema versions of its published events, applied by every read. */
  upcasters?: Upcaster[];
  currentSchemaVersions?: Record<string, number>;
  /** Projections of other services' (or its own) events, fed from the bus. */
  consumers?: ConsumerDefinition[];
}

/** The service's definition, with the schema it owns from the registry, injectable by kit providers. */
export const SERVICE = Symbol('SERVICE');
export type ResolvedService = ServiceDefinition & { schema: string };
