import { EventStoreUnavailableError } from '../errors';
import type { FeedCheckpoint, SqlExecutor, StoredEvent, Subscriber } from '../port/event-store.port';
import type { PostgresEventStore } from '../postgres/postgres-event-store';
import {
  closeTestStore,
  openTestStore,
  event,
  events,
  eventually,
  gate,
  newStreamId,
  SCHEMA,
  type TestDatabase,
} from '../testing/fixtures.spec';
import { CatchUpSubscription } from './catch-up-subscription';

let db: TestDatabase;
let store: PostgresEventStore;

beforeAll(
  async () =>
    ({ db, store } = await openTestStore('es_subscriptions', { poolSize: 20 }, [
      {
        id: 'test-001-counts',
        sql: 'CREATE TABLE counts (subscription text, stream_id text, n int NOT NULL, PRIMARY KEY (subscription, stream_id))',
      },
    ])),
);
afterAll(() => closeTestStore(db, store));

type Hook = (batch: number, sql: SqlExecutor, events: StoredEvent[]) => Promise<void>;

/** Counts events per stream; not idempotent on purpose, so a batch applied twice shows in the totals. */
function counter(name: string, afterWrite?: Hook): Subscriber & { batches: number } {
  return {
    name,
    batches: 0,
    async handle(events, sql) {
      this.batches += 1;
      for (const e of events) {
        await sql.query(
          `INSERT INTO ${SCHEMA}.counts VALUES ($1, $2, 1) ON CONFLICT (subscription, stream_id) DO UPDATE SET n = counts.n + 1`,
          [name, e.streamId],
        );
      }
      await afterWrite?.(this.batches, sql, events);
    },
  };
}

async function counts(name: string): Promise<Record<string, number>> {
  const { rows } = await store.pool.query(`SELECT stream_id, n FROM ${SCHEMA}.counts WHERE subscription = $1`, [name]);
  return Object.fromEntries(rows.map((r) => [r.stream_id, r.n]));
}

async function storedCounts(types?: string[]): Promise<Record<string, number>> {
  const { rows } = await store.pool.query(
    `SELECT stream_id, count(*)::int AS n FROM ${SCHEMA}.events WHERE $1::text[] IS NULL OR type = ANY($1) GROUP BY stream_id`,
    [types ?? null],
  );
  return Object.fromEntries(rows.map((r) => [r.stream_id, r.n]));
}

/** What a subscription standing at `at` must have counted: every feed event up to and including it. */
async function storedCountsUpTo(at: FeedCheckpoint): Promise<Record<string, number>> {
  const { rows } = await store.pool.query(
    `SELECT stream_id, count(*)::int AS n FROM ${SCHEMA}.events
     WHERE (transaction_id, position) <= ($1::xid8, $2::bigint) GROUP BY stream_id`,
    [at.transactionId, at.position],
  );
  return Object.fromEntries(rows.map((r) => [r.stream_id, r.n]));
}

/** Runs batches (the barrier may make some empty) until one fails; returns its error. */
async function runUntilFailure(sub: CatchUpSubscription): Promise<unknown> {
  let failure: unknown;
  await eventually(`${sub.name} to fail`, async () => {
    await sub.runOnce().catch((err: unknown) => (failure = err));
    return failure !== undefined;
  });
  return failure;
}

const sum = (c: Record<string, number>) => Object.values(c).reduce((a, b) => a + b, 0);

/** Runs batches until the subscription's counts match the store (the barrier may briefly hold events back). */
async function catchUp(sub: CatchUpSubscription, types?: string[]) {
  await eventually(`${sub.name} caught up`, async () => {
    while ((await sub.runOnce()) > 0);
    return sum(await counts(sub.name)) === sum(await storedCounts(types));
  });
  expect(await counts(sub.name)).toEqual(await storedCounts(types));
}

async function appendMany(streams: number, perStream: number) {
  for (let s = 0; s < streams; s++) {
    const id = newStreamId();
    for (let i = 0; i < perStream; i += 5) await store.append(id, events(5), { expectedRevision: i || 'no_stream' });
  }
}

describe('catch-up subscription', () => {
  beforeAll(() => appendMany(10, 25));

  it('redoes a batch whose handler threw after writing, counting nothing twice', async () => {
    const crashing = new CatchUpSubscription(
      store,
      counter('throws', async (batch) => {
        if (batch === 3) throw new Error('handler crashed');
      }),
      { batchSize: 20 },
    );
    expect(await runUntilFailure(crashing)).toMatchObject({ message: 'handler crashed' });
    const at = await crashing.checkpoint();
    expect(at.position).toBeGreaterThan(0);
    expect(await counts('throws')).toEqual(await storedCountsUpTo(at)); // the third batch's rows went with its rollback

    await catchUp(new CatchUpSubscription(store, counter('throws'), { batchSize: 20 }));
  });

  it('loses nothing when the connection dies mid-batch (a crashed process)', async () => {
    const dying = new CatchUpSubscription(
      store,
      counter('killed', async (batch, sql) => {
        if (batch === 2) await sql.query('SELECT pg_terminate_backend(pg_backend_pid())');
      }),
      { batchSize: 30 },
    );
    expect(await runUntilFailure(dying)).toBeInstanceOf(EventStoreUnavailableError);
    expect(await counts('killed')).toEqual(await storedCountsUpTo(await dying.checkpoint()));

    await catchUp(new CatchUpSubscription(store, counter('killed'), { batchSize: 30 }));
  });

  it('keeps two instances with the same name from processing the same batch', async () => {
    const slow: Hook = async (_, sql) => void (await sql.query('SELECT pg_sleep(0.002)'));
    const options = { batchSize: 10, pollIntervalMs: 20 };
    const subscribers = [counter('twins', slow), counter('twins', slow)];
    const instances = subscribers.map((s) => new CatchUpSubscription(store, s, options));
    await Promise.all(instances.map((s) => s.start()));
    try {
      await Promise.all([1, 2, 3, 4].map(() => appendMany(3, 20)));
      await eventually('twins caught up', async () => sum(await counts('twins')) === sum(await storedCounts()));
    } finally {
      await Promise.all(instances.map((s) => s.stop()));
    }
    expect(await counts('twins')).toEqual(await storedCounts());
    expect(subscribers.every((s) => s.batches > 0)).toBe(true); // both instances really took turns
  });

  it('retries a failing batch with backoff and wakes on new events by notification', async () => {
    let failuresLeft = 2;
    const errors: unknown[] = [];
    const flaky = counter('flaky', async () => {
      if (failuresLeft-- > 0) throw new Error('transient');
    });
    // A poll interval longer than the test: only the notification can bring in the late events in time.
    const sub = new CatchUpSubscription(store, flaky, {
      retryInitialMs: 5,
      pollIntervalMs: 600_000,
      onError: (e) => errors.push(e),
    });
    await sub.start();
    try {
      await eventually('flaky caught up', async () => sum(await counts('flaky')) === sum(await storedCounts()));
      expect(errors.map((e) => (e as Error).message)).toEqual(['transient', 'transient']);
      await store.append(newStreamId(), events(3), { expectedRevision: 'no_stream' });
      await eventually('late events counted', async () => sum(await counts('flaky')) === sum(await storedCounts()));
    } finally {
      await sub.stop();
    }
  });

  it('stop() waits for the batch in flight to commit', async () => {
    const entered = gate();
    const release = gate();
    const sub = new CatchUpSubscription(
      store,
      counter('stopping', async (batch) => {
        if (batch === 1) {
          entered.open();
          await release.opened;
        }
      }),
      { batchSize: 5 },
    );
    await sub.start();
    await entered.opened;
    let stopped = false;
    const stopping = sub.stop().then(() => (stopped = true));
    await new Promise((r) => setImmediate(r));
    expect(stopped).toBe(false);
    release.open();
    await stopping;
    const at = await sub.checkpoint();
    expect(at.position).toBeGreaterThan(0); // the batch committed, checkpoint and rows together
    expect(await counts('stopping')).toEqual(await storedCountsUpTo(at));
  });

  it('hands only the filtered types to the subscriber and still moves past the others', async () => {
    const id = newStreamId();
    const { events: appended } = await store.append(
      id,
      [event('Wanted'), event('Other'), event('Wanted'), event('Other')],
      {
        expectedRevision: 'no_stream',
      },
    );
    const sub = new CatchUpSubscription(store, counter('filtered'), { filterTypes: ['Wanted'], batchSize: 50 });
    await catchUp(sub, ['Wanted']);
    const last = appended[3];
    expect(await sub.checkpoint()).toEqual({ transactionId: last.transactionId, position: last.position });
  });

  it('rebuilds from the start after reset to the same result', async () => {
    const sub = new CatchUpSubscription(store, counter('rebuilt'), { batchSize: 100 });
    await catchUp(sub);
    const live = await counts('rebuilt');
    await store.pool.query(`DELETE FROM ${SCHEMA}.counts WHERE subscription = 'rebuilt'`);
    await sub.reset();
    await catchUp(sub);
    expect(await counts('rebuilt')).toEqual(live);
  });
});
