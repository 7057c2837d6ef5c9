import { assertSchemaName, isDeadlock, runMigrations, sqlLiteral } from '@platform/event-store';
import { migrateProcessedEvents, type BusEvent } from '@platform/messaging';
import { Pool, type PoolClient } from 'pg';
import { ANALYTICS_CONSUMER } from '../projections/analytics.consumer';
import { analyticsMigrations } from '../projections/analytics.migrations';
import { BatchProjector, PROJECTION_LOCK, runWrites, type RowWrite } from '../projections/apply';
import { LIVE_TABLES, NEXT_TABLES, tableDdl, type TableKind } from '../projections/tables';

export interface RebuildProgress {
  done: number;
  total: number;
  eventsPerSecond: number;
}

export interface RebuildOptions {
  databaseUrl: string;
  /** The analytics schema (read models, processed_events). */
  schema: string;
  /** Schemas whose event stores are replayed. */
  sources: readonly string[];
  onProgress?: (p: RebuildProgress) => void;
  /** Events fetched at a time (default 5,000). */
  batchSize?: number;
  /** Rows folded so far are written behind the fold every this many events (default 100,000). */
  writeEvery?: number;
}

export interface RebuildResult {
  events: number;
  ms: number;
  eventsPerSecond: number;
  /** How long the swap held the projection lock (live batches wait meanwhile). */
  swapMs: number;
}

interface EventRow {
  id: string;
  stream_id: string;
  type: string;
  schema_version: number;
  data: unknown;
  revision: number;
  position: string;
  transaction_id: string;
}

// Metadata is not read by any projection: leaving it out halves what is sent and parsed.
const COLUMNS = 'id, stream_id, type, schema_version, data, revision, position, transaction_id::text';
const toBusEvent = (r: EventRow): BusEvent => ({
  id: r.id,
  streamId: r.stream_id,
  type: r.type,
  schemaVersion: r.schema_version,
  data: r.data,
  metadata: {} as BusEvent['metadata'],
  revision: r.revision,
  position: Number(r.position),
});

/**
 * The replay's rows come as arrays (no object with named keys per row), with whether the event's transaction is at
 * or above the snapshot's xmin worked out by PostgreSQL: [id, stream_id, type, schema_version, data, revision,
 * position, late].
 */
type ReplayRow = [string, string, string, number, unknown, number, string, boolean];
const replayColumns = (xmin: string) =>
  `id, stream_id, type, schema_version, data, revision, position, transaction_id >= ${sqlLiteral(xmin)}::xid8`;
const replayedEvent = (r: ReplayRow): BusEvent => ({
  id: r[0],
  streamId: r[1],
  type: r[2],
  schemaVersion: r[3],
  data: r[4],
  metadata: {} as BusEvent['metadata'],
  revision: r[5],
  position: Number(r[6]),
});

/**
 * Replays every source event store into fresh tables (`*_next`) while the live ones keep serving, then swaps them
 * in a transaction that holds the projection lock only at its end (live consumers wait, readers do not see a gap):
 *
 * 1. In one snapshot, every event of every source, folded in memory by the same effects the consumer applies,
 *    written to the fresh tables. The snapshot's xmin X splits the feed: every transaction below X was complete.
 *    Meanwhile the swap's transaction records the events of transactions below X in processed_events
 *    (uncommitted: see recordReplayed).
 * 2. Under the lock: the events of transactions ≥ X not seen yet (they committed meanwhile) are applied too; those
 *    are recorded as well, so the consumer skips every event the rebuild counted and still applies whatever commits
 *    later; the tables are swapped; all of it commits at once.
 */
export async function rebuildAnalytics(options: RebuildOptions): Promise<RebuildResult> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await rebuildOnce(options);
    } catch (err) {
      // The swap records, under the projection lock, the events committed during the replay. A live consumer that
      // claimed one of them (claims come first, then the lock) and now waits for the lock makes the swap wait for
      // it in turn; PostgreSQL breaks the cycle by aborting one of the two. When that is the swap, everything of
      // this attempt rolls back (the live tables and processed_events are as they were; the fresh tables are made
      // anew), the consumer goes on, and the rebuild starts over.
      if (!isDeadlock(err) || attempt >= REBUILD_ATTEMPTS) throw err;
    }
  }
}

const REBUILD_ATTEMPTS = 3;

async function rebuildOnce(options: RebuildOptions): Promise<RebuildResult> {
  const schema = assertSchemaName(options.schema);
  const pool = new Pool({ connectionString: options.databaseUrl, max: 3, options: `-c search_path="${schema}"` });
  const started = Date.now();
  try {
    await runMigrations(pool, schema, analyticsMigrations);
    await migrateProcessedEvents(pool, schema);
    const sources = await existingSources(pool, options.sources);
    const projector = new BatchProjector();
    await pool.query(
      Object.values(NEXT_TABLES)
        .map((t) => `DROP TABLE IF EXISTS ${t};`)
        .join('') + tableDdl(NEXT_TABLES),
    );

    const writer = new WriteBehind(pool);
    const writeEvery = options.writeEvery ?? 100_000;
    // The swap's transaction: it records the replayed ids while the fold runs, then swaps under the lock.
    const swapper = await pool.connect();
    let swapperBroken: Error | undefined;
    swapper.on('error', (err) => (swapperBroken ??= err));
    try {
      const reader = await pool.connect();
      let xmin: string;
      let recorded: Promise<void> | undefined;
      const seenLate = new Set<string>();
      let done = 0;
      try {
        await reader.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
        xmin = (await reader.query<{ x: string }>('SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS x')).rows[0]
          .x;
        recorded = recordReplayed(swapper, schema, sources, xmin);
        recorded.catch(() => undefined); // awaited before the swap; a failure of the fold comes first meanwhile
        let total = 0;
        for (const s of sources)
          total += Number((await reader.query(`SELECT count(*) AS n FROM "${s}".events`)).rows[0].n);
        const report = () =>
          options.onProgress?.({
            done,
            total,
            eventsPerSecond: Math.round(done / Math.max(0.001, (Date.now() - started) / 1000)),
          });
        for (const s of sources) {
          await reader.query(
            `DECLARE replay NO SCROLL CURSOR FOR SELECT ${replayColumns(xmin)} FROM "${s}".events
           ORDER BY transaction_id, position`,
          );
          const fetch = () =>
            reader.query<ReplayRow>({ text: `FETCH ${options.batchSize ?? 5_000} FROM replay`, rowMode: 'array' });
          // The next batch is read while this one is folded: PostgreSQL and the fold each get a core.
          let pending = fetch();
          for (;;) {
            const { rows } = await pending;
            if (rows.length === 0) break;
            pending = fetch();
            for (const r of rows) {
              projector.apply(replayedEvent(r));
              if (r[7]) seenLate.add(r[0]);
            }
            done += rows.length;
            report();
            // Rows folded so far are written behind the fold, on another connection, in the order they were taken.
            if (done % writeEvery < rows.length) writer.write(projector.takeWrites(NEXT_TABLES));
          }
          await reader.query('CLOSE replay');
        }
        await reader.query('COMMIT');
      } catch (err) {
        await reader.query('ROLLBACK').catch(() => undefined);
        throw err;
      } finally {
        reader.release();
      }
      writer.write(projector.takeWrites(NEXT_TABLES));
      await writer.done();
      await recorded;
      const { caughtUp, lockedMs } = await swap(swapper, schema, sources, projector, xmin, seenLate);
      done += caughtUp;
      const ms = Date.now() - started;
      return { events: done, ms, eventsPerSecond: Math.round(done / Math.max(0.001, ms / 1000)), swapMs: lockedMs };
    } catch (err) {
      if (!swapperBroken) await swapper.query('ROLLBACK').catch((e: Error) => (swapperBroken = e));
      throw err;
    } finally {
      swapper.release(swapperBroken);
    }
  } finally {
    await pool.end();
  }
}

/** Writes run one after the other on the pool while the caller goes on; the first failure is thrown by done(). */
class WriteBehind {
  private chain: Promise<void> = Promise.resolve();
  private failure: unknown;

  constructor(private readonly pool: Pool) {}

  write(writes: readonly RowWrite[]): void {
    this.chain = this.chain
      .then(() => (this.failure ? undefined : runWrites(this.pool, writes)))
      .catch((err) => {
        this.failure ??= err;
      });
  }

  async done(): Promise<void> {
    await this.chain;
    if (this.failure) throw this.failure;
  }
}

async function existingSources(pool: Pool, sources: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const s of sources) {
    const { rows } = await pool.query('SELECT to_regclass($1) AS t', [`"${assertSchemaName(s)}".events`]);
    if (rows[0].t) out.push(s);
  }
  return out;
}

/**
 * Records in processed_events, in the swap's transaction (open, uncommitted, not holding the projection lock yet),
 * every event of the transactions below xmin: PostgreSQL does it while the fold goes on. A consumer claims its ids
 * before it takes the projection lock, so one claiming an id recorded here waits for the swap to commit and then
 * skips it (the rebuild counted it), and the swap never waits for a consumer that waits for the swap. A caught-up
 * consumer applies events above xmin, which this does not touch: it only waits while the swap holds the lock.
 */
async function recordReplayed(
  client: PoolClient,
  schema: string,
  sources: readonly string[],
  xmin: string,
): Promise<void> {
  await client.query('BEGIN');
  if (sources.length === 0) return;
  await client.query(
    sources
      .map(
        (s) =>
          `INSERT INTO "${schema}".processed_events (consumer, event_id)
           SELECT ${sqlLiteral(ANALYTICS_CONSUMER)}, id FROM "${s}".events WHERE transaction_id < ${sqlLiteral(xmin)}::xid8
           ON CONFLICT DO NOTHING`,
      )
      .join(';\n'),
  );
}

/** The swap, in `client`'s transaction (recordReplayed's): answers the late events applied and the ms it locked. */
async function swap(
  client: PoolClient,
  schema: string,
  sources: readonly string[],
  projector: BatchProjector,
  xmin: string,
  seenLate: Set<string>,
): Promise<{ caughtUp: number; lockedMs: number }> {
  await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [PROJECTION_LOCK]);
  const locked = Date.now();
  // No consumer commits from here on: what is committed now is all the live tables can have seen.
  const late: string[] = [];
  let caughtUp = 0;
  for (const s of sources) {
    const { rows } = await client.query<EventRow>(
      `SELECT ${COLUMNS} FROM "${s}".events WHERE transaction_id >= $1::xid8 ORDER BY transaction_id, position`,
      [xmin],
    );
    for (const r of rows) {
      late.push(r.id);
      if (seenLate.has(r.id)) continue;
      projector.apply(toBusEvent(r));
      caughtUp += 1;
    }
  }
  await projector.flush(client, NEXT_TABLES);
  const processed = `"${schema}".processed_events`;
  await client.query(
    `INSERT INTO ${processed} (consumer, event_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING`,
    [ANALYTICS_CONSUMER, late],
  );
  for (const kind of Object.keys(LIVE_TABLES) as TableKind[]) {
    const live = LIVE_TABLES[kind];
    const next = NEXT_TABLES[kind];
    await client.query(`DROP TABLE ${live}`);
    await client.query(`ALTER TABLE ${next} RENAME TO ${live}`);
    const { rows } = await client.query<{ indexname: string }>(
      'SELECT indexname FROM pg_indexes WHERE schemaname = $1 AND tablename = $2',
      [schema, live],
    );
    for (const { indexname } of rows) {
      if (indexname.startsWith(next))
        await client.query(`ALTER INDEX "${indexname}" RENAME TO "${live}${indexname.slice(next.length)}"`);
    }
  }
  await client.query('COMMIT');
  return { caughtUp, lockedMs: Date.now() - locked };
}
