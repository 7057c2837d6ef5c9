import { StreamOrderConflictError } from '../errors';
import { FEED_START, type FeedCheckpoint, type StoredEvent } from '../port/event-store.port';
import {
  closeTestStore,
  openTestStore,
  event,
  events,
  eventually,
  feedKey,
  gate,
  newStreamId,
  type TestDatabase,
} from '../testing/fixtures.spec';
import type { PostgresEventStore } from './postgres-event-store';

let db: TestDatabase;
let store: PostgresEventStore;

beforeAll(async () => ({ db, store } = await openTestStore('es_feed', { poolSize: 24 })));
afterAll(() => closeTestStore(db, store));

/** A reader that tails the feed from its checkpoint, as a relay or projection would. */
function tail() {
  const seen: StoredEvent[] = [];
  let checkpoint: FeedCheckpoint = FEED_START;
  return {
    seen,
    async poll(limit = 100): Promise<number> {
      const { events: batch, next } = await store.readAll(checkpoint, limit);
      seen.push(...batch);
      checkpoint = next;
      return batch.length;
    },
  };
}

function expectFeedOrder(seen: StoredEvent[]) {
  for (let i = 1; i < seen.length; i++) {
    const [tx0, pos0] = feedKey(seen[i - 1]);
    const [tx1, pos1] = feedKey(seen[i]);
    expect(tx1 > tx0 || (tx1 === tx0 && pos1 > pos0)).toBe(true);
  }
  const revisions = new Map<string, number>();
  for (const e of seen) {
    expect(e.revision).toBe((revisions.get(e.streamId) ?? 0) + 1);
    revisions.set(e.streamId, e.revision);
  }
}

describe('ordered feed', () => {
  it('delivers an event whose transaction commits after a later position was read (naive reader skips it)', async () => {
    const reader = tail();
    while ((await reader.poll()) > 0);
    const naiveFrom = Number(
      (await store.pool.query(`SELECT coalesce(max(position), 0) AS p FROM es_test.events`)).rows[0].p,
    );

    const appended = gate<number>();
    const release = gate();
    const slow = store.transaction(async (tx) => {
      const {
        events: [e],
      } = await tx.append(newStreamId('slow'), [event('Slow')], { expectedRevision: 'no_stream' });
      appended.open(e.position);
      await release.opened;
    });
    const slowPosition = await appended.opened;
    const fast = (await store.append(newStreamId('fast'), [event('Fast')], { expectedRevision: 'no_stream' }))
      .events[0];
    expect(fast.position).toBeGreaterThan(slowPosition);

    const naive = async (after: number) =>
      (
        await store.pool.query(`SELECT position FROM es_test.events WHERE position > $1 ORDER BY position`, [after])
      ).rows.map((r) => Number(r.position));
    expect(await naive(naiveFrom)).toEqual([fast.position]); // the naive reader moves its checkpoint past the slow one
    expect(await reader.poll()).toBe(0); // the barrier holds the fast event back while the slow transaction runs

    release.open();
    await slow;
    expect(await naive(fast.position)).toEqual([]); // ...and never sees it
    await eventually(
      'both events in the feed',
      async () => (await reader.poll(), reader.seen.some((e) => e.type === 'Fast')),
    );
    expect(reader.seen.slice(-2).map((e) => e.type)).toEqual(['Slow', 'Fast']);
  });

  it('refuses, then retries, a transaction that would put a stream out of revision order in the feed', async () => {
    const shared = newStreamId('shared');
    await store.append(shared, [event()], { expectedRevision: 'no_stream' });
    const hasId = gate();
    const release = gate();
    let attempts = 0;
    const older = store.transaction(async (tx) => {
      attempts += 1;
      await tx.append(newStreamId('other'), [event()], { expectedRevision: 'no_stream' }); // takes its transaction id
      if (attempts === 1) {
        hasId.open();
        await release.opened;
      }
      return tx.append(shared, [event('FromOlder')], { expectedRevision: 'any' });
    });
    await hasId.opened;
    await store.append(shared, [event('FromNewer')], { expectedRevision: 1 }); // a newer transaction commits first
    release.open();
    expect((await older).nextExpectedRevision).toBe(3);
    expect(attempts).toBe(2);
    expect(new StreamOrderConflictError(shared)).toBeInstanceOf(Error);

    const reader = tail();
    await eventually(
      'the feed to catch up',
      async () => (await reader.poll(1000)) === 0 && reader.seen.some((e) => e.type === 'FromOlder'),
    );
    expectFeedOrder(reader.seen);
  });

  it('misses nothing and repeats nothing under 16 concurrent writers with transactions held open', async () => {
    const WRITERS = 16;
    const APPENDS = 100;
    const sharedStreams = Array.from({ length: 4 }, () => newStreamId('shared'));
    const reader = tail();
    for (let more = 1; more > 0;) more = await reader.poll(1000);
    const before = reader.seen.length;
    const written = new Set<string>();
    let writing = true;

    const readLoop = (async () => {
      const deadline = Date.now() + 50_000;
      while (Date.now() < deadline) {
        const writersDone = !writing;
        const count = await reader.poll(7);
        if (writersDone && count === 0 && reader.seen.length - before >= written.size) return;
        if (count === 0) await new Promise((r) => setTimeout(r, 2));
      }
      throw new Error('the reader did not catch up before the deadline');
    })();

    const writer = async (w: number) => {
      const own = newStreamId(`writer${w}`);
      let ownRevision = 0;
      for (let i = 0; i < APPENDS; i++) {
        const batch = events(1 + (i % 3));
        const shared = sharedStreams[(w + i) % sharedStreams.length];
        if (i % 4 === 0) {
          // Held open a few ms after taking a position, so later positions commit first.
          const result = await store.transaction(async (tx) => {
            const r = await tx.append(own, batch, { expectedRevision: ownRevision || 'no_stream' });
            await tx.query('SELECT pg_sleep($1)', [(1 + Math.random() * 5) / 1000]);
            const s = i % 8 === 0 ? await tx.append(shared, [event()], { expectedRevision: 'any' }) : undefined;
            return { r, s };
          });
          ownRevision = result.r.nextExpectedRevision;
          [...result.r.events, ...(result.s?.events ?? [])].forEach((e) => written.add(e.id));
        } else if (i % 4 === 1) {
          (await store.append(shared, batch, { expectedRevision: 'any' })).events.forEach((e) => written.add(e.id));
        } else {
          const r = await store.append(own, batch, { expectedRevision: ownRevision || 'no_stream' });
          ownRevision = r.nextExpectedRevision;
          r.events.forEach((e) => written.add(e.id));
        }
      }
    };
    try {
      await Promise.all(Array.from({ length: WRITERS }, (_, w) => writer(w)));
    } finally {
      writing = false;
      await readLoop;
    }

    const delivered = reader.seen.slice(before);
    const ids = delivered.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length); // no repeats
    expect(ids.filter((id) => !written.has(id))).toEqual([]);
    expect(ids.length).toBe(written.size); // no gaps
    expectFeedOrder(reader.seen);
    // This load does commit positions out of their order, which a reader going by position misses (first test).
    const inversions = delivered.filter((e, i) => i > 0 && e.position < delivered[i - 1].position).length;
    expect(inversions).toBeGreaterThan(0);
  });
});
