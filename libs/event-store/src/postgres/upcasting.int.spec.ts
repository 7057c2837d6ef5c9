import { FEED_START, type Upcaster } from '../port/event-store.port';
import {
  connectStore,
  createTestDatabase,
  event,
  eventually,
  newStreamId,
  SCHEMA,
  type TestDatabase,
} from '../testing/fixtures.spec';
import type { PostgresEventStore } from './postgres-event-store';

let db: TestDatabase;
let v1Store: PostgresEventStore; // a release that only knew v1
let store: PostgresEventStore; // the current release

// v1 had `name`; v2 split it into `title` and `slug`; v3 added `tags`.
const upcasters: Upcaster[] = [
  { type: 'ThingRenamed', fromVersion: 2, upcast: (d) => ({ ...(d as object), tags: [] }) },
  {
    type: 'ThingRenamed',
    fromVersion: 1,
    upcast: (d) => {
      const { name } = d as { name: string };
      return { title: name, slug: name.toLowerCase().replace(/\s+/g, '-') };
    },
  },
];

beforeAll(async () => {
  db = await createTestDatabase('es_upcasting');
  v1Store = await connectStore(db);
  store = await connectStore(db, { upcasters, currentSchemaVersions: { ThingRenamed: 3 } });
});
afterAll(async () => {
  await Promise.all([v1Store?.close(), store?.close()]);
  await db?.drop();
});

describe('upcasting', () => {
  it('reads a v1 event as the current version through readStream and readAll, leaving the row as stored', async () => {
    const id = newStreamId();
    const {
      events: [stored],
    } = await v1Store.append(id, [event('ThingRenamed', { name: 'Big Thing' })], { expectedRevision: 'no_stream' });
    expect(stored.schemaVersion).toBe(1);
    const expected = { schemaVersion: 3, data: { title: 'Big Thing', slug: 'big-thing', tags: [] } };

    expect((await store.readStream(id))[0]).toMatchObject(expected);
    let fromFeed: unknown;
    await eventually('the event in the feed', async () => {
      fromFeed = (await store.readAll(FEED_START, 1000)).events.find((e) => e.id === stored.id);
      return fromFeed !== undefined;
    });
    expect(fromFeed).toMatchObject(expected);

    const { rows } = await store.pool.query(`SELECT schema_version, data FROM ${SCHEMA}.events WHERE id = $1`, [
      stored.id,
    ]);
    expect(rows).toEqual([{ schema_version: 1, data: { name: 'Big Thing' } }]);
  });

  it('stores new events at the current version and reads them unchanged', async () => {
    const id = newStreamId();
    const data = { title: 'T', slug: 't', tags: ['x'] };
    const {
      events: [appended],
    } = await store.append(id, [event('ThingRenamed', data)], { expectedRevision: 'no_stream' });
    expect(appended).toMatchObject({ schemaVersion: 3, data });
    expect((await store.readStream(id))[0]).toMatchObject({ schemaVersion: 3, data });
    expect((await v1Store.readStream(id))[0].schemaVersion).toBe(3); // types it has no version for read as stored
  });

  it('fails loudly when a stored version has no way to the current one', async () => {
    const id = newStreamId();
    await v1Store.append(id, [event('ThingRenamed', {})], { expectedRevision: 'no_stream' });
    const strict = await connectStore(db, { currentSchemaVersions: { ThingRenamed: 2 } });
    try {
      await expect(strict.readStream(id)).rejects.toThrow(/No upcaster for ThingRenamed v1/);
    } finally {
      await strict.close();
    }
  });
});
