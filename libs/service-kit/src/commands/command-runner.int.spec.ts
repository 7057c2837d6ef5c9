import type { RequestMeta } from '@platform/contracts';
import { PostgresEventStore, runMigrations, uniqueViolationValue, type SqlExecutor } from '@platform/event-store';
import { createTestDatabase, type TestDatabase } from '@platform/testing';
import { v7 as uuidv7 } from 'uuid';
import { IdempotencyKeyReusedError, PreconditionFailedError } from '../errors';
import { aggregateView, type Aggregate } from './aggregate';
import { CommandRunner } from './command-runner';
import { idempotencyMigration } from './idempotency';

// A tiny aggregate of the kit's own, so the runner is tested without any service: a named tally.
interface Tally {
  id: string;
  name: string;
  count: number;
  version: number;
}
type TallyState = { kind: 'none' } | { kind: 'existing'; tally: Tally };
type TallyCommand = { type: 'Open'; id: string; name: string } | { type: 'Add'; by: number };
type TallyEvent =
  { type: 'TallyOpened'; data: { id: string; name: string } } | { type: 'TallyAdded'; data: { by: number } };

class TallyNameTakenError extends Error {}
let folds = 0; // how often any command or projection folded events

const evolve = (state: TallyState, e: TallyEvent): TallyState =>
  e.type === 'TallyOpened'
    ? { kind: 'existing', tally: { id: e.data.id, name: e.data.name, count: 0, version: 1 } }
    : state.kind === 'existing'
      ? {
          kind: 'existing',
          tally: { ...state.tally, count: state.tally.count + e.data.by, version: state.tally.version + 1 },
        }
      : state;

const tally: Aggregate<Tally, TallyState, TallyCommand, TallyEvent, Tally> = {
  category: 'tally',
  table: 'tally_view',
  eventTypes: ['TallyOpened', 'TallyAdded'],
  stateOf: (doc) => (doc ? { kind: 'existing', tally: doc } : { kind: 'none' }),
  docOf: (s) => (s.kind === 'existing' ? s.tally : null),
  decide: (c) =>
    c.type === 'Open'
      ? [{ type: 'TallyOpened', data: { id: c.id, name: c.name } }]
      : [{ type: 'TallyAdded', data: { by: c.by } }],
  fold: (events, state) => {
    folds += 1;
    return events.reduce(evolve, state);
  },
  versionOf: (doc) => doc.version,
  toResponse: (doc) => doc,
  async write(sql: SqlExecutor, doc, revision) {
    await sql.query(
      `INSERT INTO tally_view (id, name, doc, revision) VALUES ($1, $2, $3, $4)
       ON CONFLICT (id) DO UPDATE SET doc = EXCLUDED.doc, revision = EXCLUDED.revision`,
      [doc.id, doc.name, JSON.stringify(doc), revision],
    );
  },
  conflicts: (err) =>
    uniqueViolationValue(err, 'tally_view_name_key') === undefined ? undefined : new TallyNameTakenError(),
};

const meta = (extra: Partial<RequestMeta> = {}): RequestMeta => ({
  actorId: 'tester',
  correlationId: uuidv7(),
  requestId: uuidv7(),
  ...extra,
});
const open = (name: string): TallyCommand => ({ type: 'Open', id: '', name });
const add = (by: number): TallyCommand => ({ type: 'Add', by });

let db: TestDatabase;
let store: PostgresEventStore;
let runner: CommandRunner;

beforeAll(async () => {
  db = await createTestDatabase('kit_runner');
  store = await PostgresEventStore.connect({
    connectionString: db.url,
    schema: 'kit_test',
    inlineProjections: [aggregateView(tally)],
    poolSize: 20,
  });
  await runMigrations(store.pool, 'kit_test', [
    idempotencyMigration,
    {
      id: 'tally-001',
      sql: `CREATE TABLE tally_view (id uuid PRIMARY KEY, name text NOT NULL, doc jsonb NOT NULL, revision int NOT NULL);
            CREATE UNIQUE INDEX tally_view_name_key ON tally_view (name);`,
    },
  ]);
  runner = new CommandRunner(store);
});

afterAll(async () => {
  await store?.close();
  await db?.drop();
});

const create = (name: string, m = meta()) => {
  const id = uuidv7();
  return runner.execute(tally, id, m, (c) => ({ ...open(name), id: c.id }));
};
const eventsOf = async (id: string) => (await store.readStream(`tally-${id}`)).map((e) => e.type);

describe('CommandRunner on real PostgreSQL', () => {
  it('applies 24 concurrent writers of one aggregate one after another, losing none', async () => {
    const { id } = await create('concurrent');
    const adds = Array.from({ length: 24 }, () => runner.execute(tally, id, meta(), () => add(1)));
    const answers = await Promise.all(adds);
    expect(answers.map((a) => a.version).sort((a, b) => a - b)).toEqual(Array.from({ length: 24 }, (_, i) => i + 2));
    const { rows } = await store.pool.query('SELECT doc, revision FROM tally_view WHERE id = $1', [id]);
    expect(rows[0]).toMatchObject({ doc: { count: 24, version: 25 }, revision: 25 });
    expect(await eventsOf(id)).toHaveLength(25);
  });

  it('writes in four round trips: BEGIN with the stream lock and the state read, the append, the view write, COMMIT', async () => {
    const { id } = await create('round trips');
    let counting = true;
    let roundTrips = 0;
    const wrapped = new WeakSet<object>();
    const count = (client: { query: (...args: unknown[]) => unknown }) => {
      if (wrapped.has(client)) return;
      wrapped.add(client);
      const query = client.query.bind(client);
      client.query = (...args: unknown[]) => {
        if (counting) roundTrips += 1;
        return query(...args);
      };
    };
    store.pool.on('acquire', count);
    try {
      await runner.execute(tally, id, meta(), () => add(2));
    } finally {
      counting = false;
      store.pool.off('acquire', count);
    }
    expect(roundTrips).toBe(4);
    const { rows } = await store.pool.query('SELECT doc, revision FROM tally_view WHERE id = $1', [id]);
    expect(rows[0]).toMatchObject({ doc: { count: 2, version: 2 }, revision: 2 });
  });

  it('builds a command from what it reads in the transaction under the stream lock, and answers with its events', async () => {
    const { id } = await create('read under the lock');
    const seen: number[] = [];
    const adds = Array.from({ length: 12 }, () =>
      runner.execute(
        tally,
        id,
        meta(),
        async (c) => {
          // A read model row of the aggregate, read through the command's transaction: no writer can move it
          // between this read and the append (the sleep gives one every chance to).
          const { rows } = await c.sql.query<{ count: number }>(
            `SELECT (doc->>'count')::int AS count, pg_sleep(0.005) FROM tally_view WHERE id = $1`,
            [c.id],
          );
          expect(rows[0].count).toBe(c.current?.count);
          seen.push(rows[0].count);
          return add(rows[0].count + 1);
        },
        (doc, events) => ({ count: doc.count, events }),
      ),
    );
    const answers = await Promise.all(adds);
    // Each writer added one more than the count it read: 1, 2, 3 … whatever order the lock gave them.
    expect(seen.sort((a, b) => a - b)).toEqual([0, 1, 3, 7, 15, 31, 63, 127, 255, 511, 1023, 2047]);
    expect(answers.map((a) => a.events)).toEqual(seen.map(() => [expect.objectContaining({ type: 'TallyAdded' })]));
    const { rows } = await store.pool.query('SELECT doc FROM tally_view WHERE id = $1', [id]);
    expect(rows[0].doc.count).toBe(4095);
  });

  it('refuses a stale If-Match with PreconditionFailedError and appends nothing', async () => {
    const { id } = await create('stale');
    await runner.execute(tally, id, meta({ expectedVersion: 1 }), () => add(5));
    await expect(runner.execute(tally, id, meta({ expectedVersion: 1 }), () => add(7))).rejects.toEqual(
      expect.objectContaining({ name: 'PreconditionFailedError', expected: 1, actual: 2 }),
    );
    await expect(runner.execute(tally, uuidv7(), meta({ expectedVersion: 1 }), () => add(7))).rejects.toBeInstanceOf(
      PreconditionFailedError,
    );
    expect(await eventsOf(id)).toEqual(['TallyOpened', 'TallyAdded']);
  });

  it('answers a repeated Idempotency-Key with the first response, even when the repeats race, and refuses it with another body', async () => {
    const key = meta({ idempotencyKey: 'k-1', requestHash: 'body-a' });
    const ids = new Set<string>();
    const runs = Array.from({ length: 6 }, () =>
      runner.execute(tally, uuidv7(), key, (c) => {
        ids.add(c.id);
        return { ...open('idempotent'), id: c.id };
      }),
    );
    const answers = await Promise.all(runs);
    expect(new Set(answers.map((a) => a.id)).size).toBe(1);
    const { rows } = await store.pool.query("SELECT count(*)::int AS n FROM tally_view WHERE name = 'idempotent'");
    expect(rows[0].n).toBe(1);
    await expect(
      runner.execute(tally, uuidv7(), { ...key, requestHash: 'body-b' }, (c) => ({ ...open('other'), id: c.id })),
    ).rejects.toBeInstanceOf(IdempotencyKeyReusedError);
  });

  it("maps a read model's unique violation to the aggregate's domain conflict and keeps nothing of the write", async () => {
    await create('taken');
    const id = uuidv7();
    await expect(runner.execute(tally, id, meta(), (c) => ({ ...open('taken'), id: c.id }))).rejects.toBeInstanceOf(
      TallyNameTakenError,
    );
    expect(await eventsOf(id)).toEqual([]);
  });

  it('folds once: the projection writes the state the runner folded, and a rebuild from events ends identical', async () => {
    const { id } = await create('rebuilt');
    folds = 0;
    await runner.execute(tally, id, meta(), () => add(3));
    expect(folds).toBe(1);
    const live = (await store.pool.query('SELECT doc, revision FROM tally_view WHERE id = $1', [id])).rows[0];
    await store.pool.query('DELETE FROM tally_view WHERE id = $1', [id]);
    const view = aggregateView(tally);
    await store.transaction(async (tx) => view.apply(await tx.readStream(`tally-${id}`), tx));
    expect(folds).toBe(2); // a rebuild has no folded state at hand: it folds from the events
    const rebuilt = (await store.pool.query('SELECT doc, revision FROM tally_view WHERE id = $1', [id])).rows[0];
    expect(rebuilt).toEqual(live);
  });
});
