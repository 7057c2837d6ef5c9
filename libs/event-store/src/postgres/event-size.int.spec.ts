import { EventTooLargeError } from '../errors';
import { closeTestStore, event, newStreamId, openTestStore, type TestDatabase } from '../testing/fixtures.spec';
import type { PostgresEventStore } from './postgres-event-store';

let db: TestDatabase;
let store: PostgresEventStore;

beforeAll(async () => ({ db, store } = await openTestStore('es_event_size', { maxEventBytes: 64 * 1024 })));
afterAll(() => closeTestStore(db, store));

describe('event size limit', () => {
  it('refuses an event over the limit, counted in bytes, before anything of the append is stored', async () => {
    const streamId = newStreamId();
    // 30,000 "€" are 30,000 characters but 90,000 bytes of UTF-8.
    const oversized = event('ThingHappened', { text: '€'.repeat(30_000) });
    await expect(store.append(streamId, [event(), oversized], { expectedRevision: 'no_stream' })).rejects.toEqual(
      expect.objectContaining({ name: 'EventTooLargeError', limit: 64 * 1024, type: 'ThingHappened' }),
    );
    expect(await store.readStream(streamId)).toEqual([]);
    const { rows } = await store.pool.query('SELECT 1 FROM streams WHERE stream_id = $1', [streamId]);
    expect(rows).toEqual([]);
  });

  it('accepts an event just under the limit', async () => {
    const streamId = newStreamId();
    await store.append(streamId, [event('ThingHappened', { text: 'x'.repeat(60 * 1024) })], {
      expectedRevision: 'no_stream',
    });
    expect(await store.readStream(streamId)).toHaveLength(1);
    expect(new EventTooLargeError(streamId, 'T', 2, 1).message).toContain('limit is 1 bytes');
  });
});

describe('stream ids that need quoting', () => {
  it('locks and appends to streams whose ids hold quotes and backslashes, in one transaction', async () => {
    const ids = [`thing-it's`, 'thing-back\\slash', `thing-'\\'`];
    await store.transaction(async (tx) => {
      await tx.lockStreams(ids);
      for (const id of ids) await tx.append(id, [event()], { expectedRevision: 'no_stream' });
    });
    for (const id of ids) expect((await store.readStream(id)).map((e) => e.streamId)).toEqual([id]);
  });
});

describe('connections', () => {
  it('keeps its connection when an append is refused for a wrong expected revision', async () => {
    const streamId = newStreamId();
    await store.append(streamId, [event()], { expectedRevision: 'no_stream' });
    const backends = async () =>
      (
        await store.pool.query<{ n: number }>(
          "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND backend_type = 'client backend'",
        )
      ).rows[0].n;
    const pids = new Set<number>();
    for (let i = 0; i < 20; i++) {
      await expect(store.append(streamId, [event()], { expectedRevision: 0 })).rejects.toThrow(/expected revision/);
      const { rows } = await store.pool.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
      pids.add(rows[0].pid);
    }
    // A pool that dropped its connection after each refusal would have opened about twenty new ones.
    expect(pids.size).toBeLessThanOrEqual(2);
    expect(await backends()).toBeLessThanOrEqual(3);
  });
});
