import type { InlineProjection } from '../port/event-store.port';
import { closeTestStore, openTestStore, event, newStreamId, SCHEMA, type TestDatabase } from '../testing/fixtures.spec';
import type { PostgresEventStore } from './postgres-event-store';

let db: TestDatabase;
let store: PostgresEventStore;

/**
 * Writes one row per handled event behind (SqlExecutor.writeBehind): keyed by the event's `key`, so two events with
 * one key make the second write fail, at the commit it travels with.
 */
const keyedProjection: InlineProjection = {
  name: 'keyed',
  handles: ['KeyTaken'],
  async apply(events, sql) {
    for (const e of events) {
      const write = [
        `INSERT INTO ${SCHEMA}.keys (key, stream_id, revision) VALUES ($1, $2, $3)`,
        [(e.data as { key: string }).key, e.streamId, e.revision],
      ] as const;
      if (sql.writeBehind) sql.writeBehind(write[0], [...write[1]]);
      else await sql.query(write[0], [...write[1]]);
    }
  },
};

beforeAll(
  async () =>
    ({ db, store } = await openTestStore('es_write_behind', { inlineProjections: [keyedProjection] }, [
      {
        id: 'test-001-keys',
        sql: 'CREATE TABLE keys (key text PRIMARY KEY, stream_id text NOT NULL, revision int NOT NULL)',
      },
    ])),
);
afterAll(() => closeTestStore(db, store));

const count = async (sql: string, params: unknown[]) => Number((await store.pool.query(sql, params)).rows[0].n);
const eventCount = (streamId: string) =>
  count(`SELECT count(*) AS n FROM ${SCHEMA}.events WHERE stream_id = $1`, [streamId]);
const keyCount = (streamId: string) =>
  count(`SELECT count(*) AS n FROM ${SCHEMA}.keys WHERE stream_id = $1`, [streamId]);

describe('writes behind, sent with the next statement or the COMMIT', () => {
  it('stores them with the commit', async () => {
    const id = newStreamId();
    await store.append(id, [event('KeyTaken', { key: `${id}-a` }), event('KeyTaken', { key: `${id}-b` })], {
      expectedRevision: 'no_stream',
    });
    expect(await keyCount(id)).toBe(2);
    expect(await eventCount(id)).toBe(2);
  });

  it('sends them before the next statement of the transaction, which sees them', async () => {
    const id = newStreamId();
    const seen = await store.transaction(async (tx) => {
      await tx.append(id, [event('KeyTaken', { key: `${id}-a` })], { expectedRevision: 'no_stream' });
      const { rows } = await tx.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM ${SCHEMA}.keys WHERE stream_id = $1`,
        [id],
      );
      return rows[0].n;
    });
    expect(seen).toBe(1);
  });

  it('fails the commit with the error of a write that fails, and keeps nothing of the transaction', async () => {
    const id = newStreamId();
    const key = `${id}-same`;
    const failing = store.append(id, [event('KeyTaken', { key }), event('KeyTaken', { key })], {
      expectedRevision: 'no_stream',
    });
    await expect(failing).rejects.toMatchObject({ code: '23505', constraint: 'keys_pkey' });
    expect(await eventCount(id)).toBe(0);
    expect(await keyCount(id)).toBe(0);
    // The connection went back to the pool in a usable state: the stream can still be created.
    await store.append(id, [event('KeyTaken', { key })], { expectedRevision: 'no_stream' });
    expect(await eventCount(id)).toBe(1);
  });

  it('fails the next statement with the error of a write that fails before it, and rolls back', async () => {
    const id = newStreamId();
    const key = `${id}-same`;
    const failing = store.transaction(async (tx) => {
      await tx.append(id, [event('KeyTaken', { key }), event('KeyTaken', { key })], { expectedRevision: 'no_stream' });
      await tx.query('SELECT 1');
    });
    await expect(failing).rejects.toMatchObject({ code: '23505', constraint: 'keys_pkey' });
    expect(await eventCount(id)).toBe(0);
  });
});
