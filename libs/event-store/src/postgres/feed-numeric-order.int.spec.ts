import { randomUUID } from 'node:crypto';
import { FEED_START, type FeedCheckpoint, type StoredEvent } from '../port/event-store.port';
import { connectStore, createTestDatabase, metadata, SCHEMA, type TestDatabase } from '../testing/fixtures.spec';
import type { PostgresEventStore } from './postgres-event-store';

let db: TestDatabase;
let store: PostgresEventStore;

beforeAll(async () => {
  db = await createTestDatabase('es_feed_numeric');
  store = await connectStore(db);
});
afterAll(async () => {
  await store?.close();
  await db?.drop();
});

// Transaction ids are compared as numbers: as text, "1000" sorts before "998" and a reader that has passed
// 1000 would never see 998 and 999. Rows with such ids are written directly, as a server that has run for a
// while would have written them.
it('orders the feed by transaction id as a number across a power of ten', async () => {
  const ids = ['998', '999', '1000', '1001'];
  for (const [i, xid] of ids.entries()) {
    await store.pool.query(
      `INSERT INTO ${SCHEMA}.events (transaction_id, stream_id, revision, id, type, schema_version, data, metadata)
       VALUES ($1::xid8, $2, 1, $3, 'Old', 1, $4, $5)`,
      [xid, `old-${i}`, randomUUID(), JSON.stringify({ xid }), JSON.stringify(metadata())],
    );
  }
  const seen: StoredEvent[] = [];
  let from: FeedCheckpoint = FEED_START;
  for (;;) {
    const { events, next } = await store.readAll(from, 2);
    if (events.length === 0) break;
    seen.push(...events);
    from = next;
  }
  expect(seen.map((e) => e.transactionId)).toEqual(ids);
});
