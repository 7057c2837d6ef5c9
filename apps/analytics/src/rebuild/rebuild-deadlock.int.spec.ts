import { randomUUID } from 'node:crypto';
import { PostgresEventStore, runMigrations, type NewEvent } from '@platform/event-store';
import { migrateProcessedEvents } from '@platform/messaging';
import { createTestDatabase, waitFor, type TestDatabase } from '@platform/testing';
import type { PoolClient } from 'pg';
import { ANALYTICS_CONSUMER } from '../projections/analytics.consumer';
import { analyticsMigrations } from '../projections/analytics.migrations';
import { PROJECTION_LOCK } from '../projections/apply';
import { rebuildAnalytics } from './rebuild';

// A live consumer claims an event that committed while a rebuild replayed, then waits for the projection lock that
// the rebuild's swap holds; the swap, recording that same event, waits for the consumer's claim. PostgreSQL aborts
// one of the two. Here, step by step (the consumer's transaction played by hand), the swap is the one aborted.

let db: TestDatabase;
let source: PostgresEventStore;
let analytics: PostgresEventStore;

const event = (): NewEvent => ({
  type: 'Noted',
  data: {},
  metadata: { correlationId: randomUUID(), causationId: null, actorId: 'int', occurredAt: new Date().toISOString() },
});

beforeAll(async () => {
  db = await createTestDatabase('analytics_rebuild_deadlock');
  source = await PostgresEventStore.connect({ connectionString: db.url, schema: 'conversations' });
  analytics = await PostgresEventStore.connect({ connectionString: db.url, schema: 'analytics' });
  await runMigrations(analytics.pool, 'analytics', analyticsMigrations);
  await migrateProcessedEvents(analytics.pool, 'analytics');
});

afterAll(async () => {
  await Promise.all([source?.close(), analytics?.close()]);
  await db?.drop();
});

/** Backends waiting for a lock whose statement mentions `text`. */
async function waitingOn(text: string): Promise<number> {
  const { rows } = await analytics.pool.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE $1`,
    [`%${text}%`],
  );
  return rows[0].n;
}

describe('rebuild', () => {
  it('starts over when its swap is the one PostgreSQL aborts to end a wait with a live consumer', async () => {
    const replayed = (
      await source.append(`note-${randomUUID()}`, [event(), event()], { expectedRevision: 'no_stream' })
    ).events;
    const claim = (client: PoolClient, id: string) =>
      client.query('INSERT INTO analytics.processed_events (consumer, event_id) VALUES ($1, $2)', [
        ANALYTICS_CONSUMER,
        id,
      ]);
    const [holdsRecorder, consumer] = [await analytics.pool.connect(), await analytics.pool.connect()];
    let releaseLate!: () => void;
    const lateGate = new Promise<void>((resolve) => (releaseLate = resolve));
    let lateId: string | undefined;
    try {
      // Keeps the rebuild from its swap until the consumer has claimed the late event.
      await holdsRecorder.query('BEGIN');
      await claim(holdsRecorder, replayed[0].id);
      // An event whose transaction is open when the rebuild takes its snapshot: it commits during the replay.
      const late = source.transaction(async (tx) => {
        lateId = (await tx.append(`note-${randomUUID()}`, [event()], { expectedRevision: 'no_stream' })).events[0].id;
        await lateGate;
      });
      await waitFor(async () => lateId !== undefined, 'the late event appended');

      const rebuilding = rebuildAnalytics({ databaseUrl: db.url, schema: 'analytics', sources: ['conversations'] });
      rebuilding.catch(() => undefined); // awaited below
      await waitFor(async () => (await waitingOn("SELECT 'analytics-projections', id FROM")) > 0, 'recording waits');
      releaseLate();
      await late;
      // The consumer claims the late event (claims first, then the lock); the rebuild goes on to its swap.
      await consumer.query('BEGIN');
      await claim(consumer, lateId!);
      await holdsRecorder.query('ROLLBACK');
      await waitFor(async () => (await waitingOn('unnest($2::uuid[])')) > 0, 'the swap waits for the claim');
      // The consumer now asks for the lock the swap holds: each waits for the other.
      await consumer.query('SELECT pg_advisory_xact_lock_shared(hashtext($1))', [PROJECTION_LOCK]);
      await consumer.query('COMMIT');

      const result = await rebuilding;
      expect(result.events).toBe(replayed.length + 1);
      const { rows } = await analytics.pool.query<{ event_id: string }>(
        'SELECT event_id FROM analytics.processed_events WHERE consumer = $1 ORDER BY event_id',
        [ANALYTICS_CONSUMER],
      );
      expect(rows.map((r) => r.event_id)).toEqual([...replayed.map((e) => e.id), lateId].sort());
    } finally {
      releaseLate();
      for (const client of [holdsRecorder, consumer]) {
        await client.query('ROLLBACK').catch(() => undefined);
        client.release();
      }
    }
  });
});
