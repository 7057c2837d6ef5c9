import type { ConsumerDefinition } from '@platform/service-kit';
import { applyEvent, applyEvents } from './apply';
import { LIVE_TABLES } from './tables';

/** The durable JetStream consumer (and processed_events key) that feeds every analytics read model. */
export const ANALYTICS_CONSUMER = 'analytics-projections';

/**
 * Every domain event of the bus, applied to the read models in the transaction that records its id (the kit's
 * IdempotentConsumer), so a redelivered or replayed event changes nothing.
 */
export const analyticsConsumer: ConsumerDefinition = {
  name: ANALYTICS_CONSUMER,
  handler: async (event, sql) => {
    await applyEvent(sql, event, LIVE_TABLES);
  },
  // Events that have arrived meanwhile are applied together: each row read and written once per batch.
  batchHandler: async (events, sql) => {
    await applyEvents(sql, events, LIVE_TABLES);
  },
  maxBatch: 500,
  // Two batches pulled at a time: the next one arrives (and is decoded) while this one is applied.
  batchSize: 1_000,
  // A steady trickle (a message every few milliseconds) is applied every 50 ms in one transaction, not per event:
  // far below the freshness promised (lag under a second), far fewer commits.
  lingerMs: 50,
  // A stream's events change one row in turn (an assistant's status, a conversation's state): they must arrive in
  // order even when a replica dies holding a batch, which JetStream then redelivers after ackWaitMs.
  inOrder: true,
  ackWaitMs: 10_000,
};
