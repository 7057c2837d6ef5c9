import { v7 as uuidv7 } from 'uuid';
import {
  DuplicateEventIdError,
  EventTooLargeError,
  StreamOrderConflictError,
  WrongExpectedRevisionError,
} from '../errors';
import type { AppendResult, ExpectedRevision, InlineProjection, NewEvent, SqlExecutor } from '../port/event-store.port';
import type { StoreTables } from './identifiers';
import { isUniqueViolation } from './pg-errors';
import { EVENT_COLUMNS, toStoredEvent, type EventRow } from './rows';
import type { UpcasterChain } from './upcasting';

export interface AppendSetup {
  tables: StoreTables;
  upcasters: UpcasterChain;
  projections: readonly InlineProjection[];
  /** NOTIFY feed readers in other processes at commit (serialises notifying commits server-wide). */
  notify: boolean;
  /** Largest event (its JSON row: data and metadata) the store accepts. */
  maxEventBytes: number;
}

/** The default event size limit: well below NATS max_payload (1 MiB), leaving room for the bus envelope. */
export const DEFAULT_MAX_EVENT_BYTES = 768 * 1024;

/** Appends inside the caller's open transaction: stream row, events, inline projections, wake-up notification. */
export async function appendEvents(
  sql: SqlExecutor,
  ctx: AppendSetup,
  streamId: string,
  events: readonly NewEvent[],
  expected: ExpectedRevision,
  lockHeld = false,
  stateAfter?: unknown,
): Promise<AppendResult> {
  if (expected !== 'no_stream' && expected !== 'any' && expected !== 'stream_exists') {
    if (!Number.isInteger(expected) || expected < 0) throw new TypeError(`Invalid expected revision ${expected}`);
  }
  if (events.length === 0)
    return { nextExpectedRevision: await checkOnly(sql, ctx.tables, streamId, expected), events: [] };

  // Sized before anything is written (the JSON is needed for the INSERT anyway): nothing oversized is stored.
  const json = events.map((e) => JSON.stringify({ data: e.data ?? null, metadata: e.metadata }));
  json.forEach((text, i) => {
    const bytes = Buffer.byteLength(text);
    if (bytes > ctx.maxEventBytes) throw new EventTooLargeError(streamId, events[i].type, bytes, ctx.maxEventBytes);
  });
  if (!lockHeld) await lockStreams(sql, ctx.tables, [streamId]);
  const last = await claimRevisions(sql, ctx.tables, streamId, expected, events.length);
  const first = last - events.length + 1;
  const rows = events.map((e, i) => ({
    revision: first + i,
    id: e.id ?? uuidv7(),
    type: e.type,
    schema_version: e.schemaVersion ?? ctx.upcasters.currentVersion(e.type),
    data: e.data ?? null,
    metadata: e.metadata,
  }));
  let inserted: EventRow[];
  try {
    // One statement, sorted by revision, so positions grow with revisions within the transaction.
    const result = await sql.query<EventRow>(
      `INSERT INTO ${ctx.tables.events} (stream_id, revision, id, type, schema_version, data, metadata)
       SELECT $1, x.revision, x.id, x.type, x.schema_version, coalesce(x.data, 'null'), x.metadata
       FROM jsonb_to_recordset($2::jsonb)
         AS x(revision int, id uuid, type text, schema_version int, data jsonb, metadata jsonb)
       ORDER BY x.revision
       RETURNING ${EVENT_COLUMNS}`,
      [streamId, JSON.stringify(rows)],
    );
    inserted = result.rows;
  } catch (err) {
    if (isUniqueViolation(err, 'events_stream_revision_key'))
      throw new WrongExpectedRevisionError(streamId, expected, null);
    if (isUniqueViolation(err, 'events_id_key'))
      throw new DuplicateEventIdError(streamId, (err as { detail?: string }).detail ?? '');
    throw err;
  }
  const stored = inserted.sort((a, b) => a.revision - b.revision).map((r) => ctx.upcasters.upcast(toStoredEvent(r)));

  for (const projection of ctx.projections) {
    const handled = stored.filter((e) => projection.handles.includes(e.type));
    if (handled.length > 0) await projection.apply(handled, sql, { stateAfter });
  }
  // Delivered at COMMIT, so listeners hear of committed events only (never of rolled-back ones): not a dual write.
  if (ctx.notify) await sql.query('SELECT pg_notify($1, $2)', [ctx.tables.channel, '']);
  return { nextExpectedRevision: last, events: stored };
}

/**
 * Moves the stream row to its new revision and returns it, or throws. The row lock serialises writers of one
 * stream: a racing writer waits, then re-checks its condition against the committed row and fails cleanly.
 * The feed orders by transaction id, so a stream's transactions must also be in transaction-id order: the advisory
 * lock ensures it for a transaction's first write, and a transaction that already had an id older than the stream's
 * last writer is refused (StreamOrderConflictError, retryable).
 */
async function claimRevisions(
  sql: SqlExecutor,
  t: StoreTables,
  streamId: string,
  expected: ExpectedRevision,
  count: number,
): Promise<number> {
  if (expected === 'no_stream' || expected === 0) {
    const { rows } = await sql.query<{ revision: number }>(
      `INSERT INTO ${t.streams} (stream_id, revision, last_transaction_id) VALUES ($1, $2, pg_current_xact_id())
       ON CONFLICT (stream_id) DO NOTHING RETURNING revision`,
      [streamId, count],
    );
    if (rows[0]) return rows[0].revision;
    throw new WrongExpectedRevisionError(streamId, expected, (await currentRevision(sql, t, streamId)).revision);
  }
  if (expected === 'any') {
    const { rows } = await sql.query<{ revision: number }>(
      `INSERT INTO ${t.streams} AS s (stream_id, revision, last_transaction_id) VALUES ($1, $2, pg_current_xact_id())
       ON CONFLICT (stream_id) DO UPDATE
         SET revision = s.revision + $2, last_transaction_id = EXCLUDED.last_transaction_id, updated_at = now()
         WHERE s.last_transaction_id <= EXCLUDED.last_transaction_id
       RETURNING revision`,
      [streamId, count],
    );
    if (rows[0]) return rows[0].revision;
    throw new StreamOrderConflictError(streamId);
  }
  const exact = expected === 'stream_exists' ? null : expected;
  const { rows } = await sql.query<{ revision: number }>(
    `UPDATE ${t.streams}
       SET revision = revision + $2, last_transaction_id = pg_current_xact_id(), updated_at = now()
     WHERE stream_id = $1 AND ($3::int IS NULL OR revision = $3) AND last_transaction_id <= pg_current_xact_id()
     RETURNING revision`,
    [streamId, count, exact],
  );
  if (rows[0]) return rows[0].revision;
  const actual = await currentRevision(sql, t, streamId);
  if (actual.revision === null || (exact !== null && actual.revision !== exact)) {
    throw new WrongExpectedRevisionError(streamId, expected, actual.revision);
  }
  throw new StreamOrderConflictError(streamId);
}

/**
 * Takes the streams' advisory locks (sorted, so two lockers cannot deadlock). Unlike a row lock, an advisory lock
 * does not assign a transaction id: taken before the transaction's first write, it makes the id assigned afterwards
 * higher than that of every earlier writer of these streams, which have all committed by then.
 */
export async function lockStreams(sql: SqlExecutor, t: StoreTables, streamIds: readonly string[]): Promise<void> {
  for (const id of [...new Set(streamIds)].sort()) {
    await sql.query('SELECT pg_advisory_xact_lock(hashtext($1), hashtext($2))', [t.schema, id]);
  }
}

async function checkOnly(
  sql: SqlExecutor,
  t: StoreTables,
  streamId: string,
  expected: ExpectedRevision,
): Promise<number> {
  const { revision } = await currentRevision(sql, t, streamId);
  const ok =
    expected === 'any' ||
    (expected === 'stream_exists' ? revision !== null : (revision ?? 0) === (expected === 'no_stream' ? 0 : expected));
  if (!ok) throw new WrongExpectedRevisionError(streamId, expected, revision);
  return revision ?? 0;
}

async function currentRevision(
  sql: SqlExecutor,
  t: StoreTables,
  streamId: string,
): Promise<{ revision: number | null }> {
  const { rows } = await sql.query<{ revision: number }>(`SELECT revision FROM ${t.streams} WHERE stream_id = $1`, [
    streamId,
  ]);
  return { revision: rows[0]?.revision ?? null };
}
