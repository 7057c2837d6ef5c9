import type { InlineProjection } from '../port/event-store.port';
import { closeTestStore, openTestStore, event, newStreamId, SCHEMA, type TestDatabase } from '../testing/fixtures.spec';
import type { PostgresEventStore } from './postgres-event-store';

let db: TestDatabase;
let store: PostgresEventStore;

/** Writes one row per handled event, and fails when an event asks it to (after writing the earlier rows). */
const noteProjection: InlineProjection = {
  name: 'notes',
  handles: ['NoteAdded'],
  async apply(events, sql) {
    for (const e of events) {
      if ((e.data as { fail?: boolean }).fail) throw new Error('projection failed');
      await sql.query(`INSERT INTO ${SCHEMA}.notes (event_id, stream_id, revision) VALUES ($1, $2, $3)`, [
        e.id,
        e.streamId,
        e.revision,
      ]);
    }
  },
};

beforeAll(
  async () =>
    ({ db, store } = await openTestStore('es_atomicity', { inlineProjections: [noteProjection] }, [
      {
        id: 'test-001-notes',
        sql: 'CREATE TABLE notes (event_id uuid PRIMARY KEY, stream_id text NOT NULL, revision int NOT NULL)',
      },
    ])),
);
afterAll(() => closeTestStore(db, store));

const count = async (sql: string, params: unknown[]) => Number((await store.pool.query(sql, params)).rows[0].n);
const eventCount = (streamId: string) =>
  count(`SELECT count(*) AS n FROM ${SCHEMA}.events WHERE stream_id = $1`, [streamId]);
const noteCount = (streamId: string) =>
  count(`SELECT count(*) AS n FROM ${SCHEMA}.notes WHERE stream_id = $1`, [streamId]);

describe('append atomicity with inline projections', () => {
  it('updates the projection in the append transaction, only for the types it handles', async () => {
    const id = newStreamId();
    await store.append(id, [event('NoteAdded'), event('Unrelated'), event('NoteAdded')], {
      expectedRevision: 'no_stream',
    });
    const { rows } = await store.pool.query(
      `SELECT revision FROM ${SCHEMA}.notes WHERE stream_id = $1 ORDER BY revision`,
      [id],
    );
    expect(rows.map((r) => r.revision)).toEqual([1, 3]);
  });

  it('leaves no events and no projection rows when the projection throws part-way', async () => {
    const id = newStreamId();
    const failing = [event('NoteAdded'), event('NoteAdded'), event('NoteAdded', { fail: true })];
    await expect(store.append(id, failing, { expectedRevision: 'no_stream' })).rejects.toThrow('projection failed');
    expect(await eventCount(id)).toBe(0);
    expect(await noteCount(id)).toBe(0);
    // The stream row was rolled back too: the stream still counts as new.
    expect((await store.append(id, [event('NoteAdded')], { expectedRevision: 'no_stream' })).nextExpectedRevision).toBe(
      1,
    );
  });

  it('rolls back earlier appends of the same transaction as well', async () => {
    const [a, b] = [newStreamId(), newStreamId()];
    const attempt = store.transaction(async (tx) => {
      await tx.append(a, [event('NoteAdded')], { expectedRevision: 'no_stream' });
      await tx.append(b, [event('NoteAdded', { fail: true })], { expectedRevision: 'no_stream' });
    });
    await expect(attempt).rejects.toThrow('projection failed');
    expect([await eventCount(a), await noteCount(a), await eventCount(b)]).toEqual([0, 0, 0]);
  });

  it('refuses to change or delete a stored event', async () => {
    const id = newStreamId();
    await store.append(id, [event('Unrelated')], { expectedRevision: 'no_stream' });
    await expect(
      store.pool.query(`UPDATE ${SCHEMA}.events SET data = '{}' WHERE stream_id = $1`, [id]),
    ).rejects.toThrow(/immutable/);
    await expect(store.pool.query(`DELETE FROM ${SCHEMA}.events WHERE stream_id = $1`, [id])).rejects.toThrow(
      /immutable/,
    );
  });
});
