import { DuplicateEventIdError, EventStoreUnavailableError, WrongExpectedRevisionError } from '../errors';
import type { ExpectedRevision } from '../port/event-store.port';
import {
  closeTestStore,
  openTestStore,
  event,
  events,
  eventually,
  gate,
  newStreamId,
  type TestDatabase,
} from '../testing/fixtures.spec';
import { PostgresEventStore } from './postgres-event-store';

let db: TestDatabase;
let store: PostgresEventStore;

beforeAll(async () => ({ db, store } = await openTestStore('es_concurrency')));
afterAll(() => closeTestStore(db, store));

async function rejection(p: Promise<unknown>): Promise<unknown> {
  return p.then(
    () => Promise.reject(new Error('expected a rejection')),
    (err: unknown) => err,
  );
}

/** Resolves once some session of the test database is waiting for a row lock. */
function someoneWaitsForLock() {
  return eventually('a writer blocked on the stream row lock', async () => {
    const { rows } = await store.pool.query(
      `SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
    );
    return rows.length > 0;
  });
}

describe('expected revision', () => {
  it('numbers revisions from 1 and checks every kind of expectation', async () => {
    const id = newStreamId();
    expect((await store.append(id, events(2), { expectedRevision: 'no_stream' })).nextExpectedRevision).toBe(2);

    const noStream = await rejection(store.append(id, [event()], { expectedRevision: 'no_stream' }));
    expect(noStream).toBeInstanceOf(WrongExpectedRevisionError);
    expect(noStream).toMatchObject({ streamId: id, expected: 'no_stream', actual: 2 });

    expect(await rejection(store.append(id, [event()], { expectedRevision: 1 }))).toMatchObject({ actual: 2 });
    expect((await store.append(id, [event()], { expectedRevision: 2 })).nextExpectedRevision).toBe(3);
    expect((await store.append(id, [event()], { expectedRevision: 'any' })).nextExpectedRevision).toBe(4);
    expect((await store.append(id, [event()], { expectedRevision: 'stream_exists' })).nextExpectedRevision).toBe(5);

    const missing = newStreamId();
    expect(await rejection(store.append(missing, [event()], { expectedRevision: 'stream_exists' }))).toMatchObject({
      actual: null,
    });
    expect(await rejection(store.append(missing, [event()], { expectedRevision: 3 }))).toBeInstanceOf(
      WrongExpectedRevisionError,
    );
    expect((await store.append(missing, [event()], { expectedRevision: 'any' })).nextExpectedRevision).toBe(1);

    expect((await store.readStream(id)).map((e) => e.revision)).toEqual([1, 2, 3, 4, 5]);
    expect((await store.readStream(id, { fromRevision: 2, toRevision: 3 })).map((e) => e.revision)).toEqual([2, 3]);
  });

  it('keeps given event ids, generates uuid v7 otherwise, and refuses a stored id', async () => {
    const given = '0190a6f0-0000-7000-8000-000000000001';
    const { events: stored } = await store.append(newStreamId(), [{ ...event(), id: given }, event()], {
      expectedRevision: 'any',
    });
    expect(stored[0].id).toBe(given);
    expect(stored[1].id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const again = await rejection(
      store.append(newStreamId(), [{ ...event(), id: given }], { expectedRevision: 'any' }),
    );
    expect(again).toBeInstanceOf(DuplicateEventIdError);
  });
});

describe('stored shape', () => {
  it('round-trips data and metadata, with a numeric position and a decimal transaction id', async () => {
    const id = newStreamId();
    const meta = { ...event().metadata, tenant: 't-1' };
    const appended = [
      { type: 'Nothing', data: null, metadata: meta },
      { type: 'Nested', data: { a: [1, { b: 'ü' }], s: 'it\'s "quoted"' }, metadata: meta },
    ];
    const { events: stored } = await store.append(id, appended, { expectedRevision: 'no_stream' });
    const read = await store.readStream(id);
    expect(read).toEqual(stored);
    expect(read.map((e) => [e.type, e.data, e.metadata, e.schemaVersion, e.streamId])).toEqual([
      ['Nothing', null, meta, 1, id],
      ['Nested', appended[1].data, meta, 1, id],
    ]);
    expect(typeof read[0].position).toBe('number');
    expect(read[1].position).toBeGreaterThan(read[0].position);
    expect(read[0].transactionId).toMatch(/^[1-9][0-9]*$/);
    expect(read[1].transactionId).toBe(read[0].transactionId);
  });
});

describe('racing writers', () => {
  it.each<[string, ExpectedRevision, number]>([
    ['an expected number', 1, 1],
    ['no_stream', 'no_stream', 0],
  ])('at %s: the writer that waited on the row lock gets WrongExpectedRevisionError', async (_, expected, existing) => {
    const id = newStreamId();
    if (existing) await store.append(id, events(existing), { expectedRevision: 'no_stream' });
    const appended = gate();
    const release = gate();
    const first = store.transaction(async (tx) => {
      await tx.append(id, [event('First')], { expectedRevision: expected });
      appended.open();
      await release.opened;
    });
    await appended.opened;
    const second = rejection(store.append(id, [event('Second')], { expectedRevision: expected }));
    await someoneWaitsForLock();
    release.open();
    await first;
    expect(await second).toMatchObject({ name: 'WrongExpectedRevisionError', actual: existing + 1 });
    expect((await store.readStream(id)).map((e) => e.type).slice(existing)).toEqual(['First']);
  });

  it('exactly one of many concurrent writers at the same revision wins, every time', async () => {
    for (let round = 0; round < 20; round++) {
      const id = newStreamId();
      await store.append(id, [event()], { expectedRevision: 'no_stream' });
      const outcomes = await Promise.allSettled(
        Array.from({ length: 4 }, () => store.append(id, events(2), { expectedRevision: 1 })),
      );
      expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
      for (const o of outcomes.filter((o) => o.status === 'rejected')) {
        expect((o as PromiseRejectedResult).reason).toBeInstanceOf(WrongExpectedRevisionError);
      }
      expect((await store.readStream(id)).map((e) => e.revision)).toEqual([1, 2, 3]);
    }
  });

  it('concurrent appends with any all land, with contiguous revisions', async () => {
    const id = newStreamId();
    const results = await Promise.all(
      Array.from({ length: 10 }, () => store.append(id, events(3), { expectedRevision: 'any' })),
    );
    expect(results.map((r) => r.nextExpectedRevision).sort((a, b) => a - b)).toEqual([
      3, 6, 9, 12, 15, 18, 21, 24, 27, 30,
    ]);
    expect((await store.readStream(id)).map((e) => e.revision)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
  });
});

describe('transactions and failures', () => {
  it('commits several appends and the caller’s SQL together, or none of them', async () => {
    const [a, b] = [newStreamId(), newStreamId()];
    await store.transaction(async (tx) => {
      await tx.append(a, [event()], { expectedRevision: 'no_stream' });
      await tx.append(b, [event()], { expectedRevision: 'no_stream' });
      expect(await tx.readStream(a)).toHaveLength(1);
    });
    const failed = rejection(
      store.transaction(async (tx) => {
        await tx.append(a, [event()], { expectedRevision: 1 });
        await tx.append(b, [event()], { expectedRevision: 5 });
      }),
    );
    expect(await failed).toBeInstanceOf(WrongExpectedRevisionError);
    expect(await store.readStream(a)).toHaveLength(1);
  });

  it('retries the loser of a deadlock between two transactions appending crosswise', async () => {
    const [s1, s2] = [newStreamId(), newStreamId()];
    await store.append(s1, [event()], { expectedRevision: 'no_stream' });
    await store.append(s2, [event()], { expectedRevision: 'no_stream' });
    const holding = [gate(), gate()];
    let runs = 0;
    const crosswise = (first: string, second: string, me: number) =>
      store.transaction(async (tx) => {
        runs += 1;
        await tx.append(first, [event()], { expectedRevision: 'any' });
        if (runs <= 2) {
          holding[me].open();
          await holding[1 - me].opened;
        }
        await tx.append(second, [event()], { expectedRevision: 'any' });
      });
    await Promise.all([crosswise(s1, s2, 0), crosswise(s2, s1, 1)]);
    expect(runs).toBe(3);
    expect((await store.readStream(s1)).map((e) => e.revision)).toEqual([1, 2, 3]);
    expect((await store.readStream(s2)).map((e) => e.revision)).toEqual([1, 2, 3]);
  });

  it('reports a connection lost mid-transaction as EventStoreUnavailableError and writes nothing', async () => {
    const id = newStreamId();
    const lost = rejection(
      store.transaction(async (tx) => {
        await tx.append(id, events(3), { expectedRevision: 'no_stream' });
        await tx.query('SELECT pg_terminate_backend(pg_backend_pid())');
      }),
    );
    expect(await lost).toBeInstanceOf(EventStoreUnavailableError);
    expect(await store.readStream(id)).toEqual([]);
    expect((await store.append(id, [event()], { expectedRevision: 'no_stream' })).nextExpectedRevision).toBe(1);
  });

  it('reports an unreachable server as EventStoreUnavailableError', async () => {
    const unreachable = PostgresEventStore.connect({
      connectionString: 'postgres://postgres@127.0.0.1:1/none',
      schema: 'x',
    });
    expect(await rejection(unreachable)).toBeInstanceOf(EventStoreUnavailableError);
  });
});
