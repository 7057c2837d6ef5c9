import {
  connectStore,
  createTestDatabase,
  event,
  newStreamId,
  SCHEMA,
  type TestDatabase,
} from '../testing/fixtures.spec';
import { eventStoreMigrations, runMigrations } from './migrations';
import { PostgresEventStore } from './postgres-event-store';

let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase('es_migrations');
});
afterAll(async () => {
  await db?.drop();
});

describe('migrations', () => {
  it('lets several processes start at once against a fresh database', async () => {
    const stores = await Promise.all(Array.from({ length: 4 }, () => connectStore(db)));
    try {
      const { rows } = await stores[0].pool.query(`SELECT id FROM ${SCHEMA}.schema_migrations ORDER BY id`);
      expect(rows.map((r) => r.id)).toEqual(eventStoreMigrations(SCHEMA).map((m) => m.id));
      const id = newStreamId();
      await stores[1].append(id, [event()], { expectedRevision: 'no_stream' });
      expect(await stores[2].readStream(id)).toHaveLength(1);

      // A service's read-model migrations run through the same mechanism, once.
      const readModel = [
        { id: 'svc-001-view', sql: 'CREATE TABLE view (id text PRIMARY KEY)' },
        { id: 'svc-002-view-name', sql: 'ALTER TABLE view ADD COLUMN name text' },
      ];
      const applied = await Promise.all(stores.map((s) => runMigrations(s.pool, SCHEMA, readModel)));
      expect(applied.flat().sort()).toEqual(['svc-001-view', 'svc-002-view-name']);
      await stores[3].pool.query(`INSERT INTO ${SCHEMA}.view (id, name) VALUES ('a', 'b')`);
    } finally {
      await Promise.all(stores.map((s) => s.close()));
    }
  });

  it('keeps services apart by schema in one database', async () => {
    const [a, b] = await Promise.all([connectStore(db, { schema: 'svc_a' }), connectStore(db, { schema: 'svc_b' })]);
    try {
      const id = newStreamId();
      await a.append(id, [event()], { expectedRevision: 'no_stream' });
      expect(await b.readStream(id)).toEqual([]);
      await b.append(id, [event()], { expectedRevision: 'no_stream' });
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it('rejects a schema name that is not a plain identifier before touching the database', async () => {
    await expect(
      PostgresEventStore.connect({ connectionString: db.url, schema: 'x; DROP SCHEMA public' }),
    ).rejects.toThrow(/Invalid schema name/);
  });
});
