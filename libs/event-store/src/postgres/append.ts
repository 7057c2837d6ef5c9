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

  // Sized before anything is written (the JSON is needed for the call anyway): nothing oversized is stored.
  const ids = events.map((e) => e.id ?? uuidv7());
  const rows = events.map((e, i) => {
    const row = JSON.stringify({
      i,
      id: ids[i],
      type: e.type,
      schema_version: e.schemaVersion ?? ctx.upcasters.currentVersion(e.type),
      data: e.data ?? null,
      metadata: e.metadata,
    });
    const bytes = Buffer.byteLength(row);
    if (bytes > ctx.maxEventBytes) throw new EventTooLargeError(streamId, e.type, bytes, ctx.maxEventBytes);
    return row;
  });
  const [mode, exact] = typeof expected === 'number' ? ['exact', expected] : [expected, null];
  let inserted: { revision: number; position: string; transaction_id: string }[];
  try {
    // One round trip: lock (unless held), expected-revision check, revision claim, insert, NOTIFY at commit.
    const result = await sql.query<{ revision: number; position: string; transaction_id: string }>({
      name: `${ctx.tables.schema}.append`,
      text: `SELECT out_revision AS revision, out_position AS position, out_transaction_id AS transaction_id
       FROM ${ctx.tables.appendFunction}($1, $2, $3, $4::jsonb, $5, $6)`,
      values: [streamId, mode, exact, `[${rows.join(',')}]`, !lockHeld, ctx.notify ? ctx.tables.channel : null],
    });
    inserted = result.rows;
  } catch (err) {
    throw appendFailure(err, streamId, expected);
  }
  const stored = inserted
    .sort((a, b) => a.revision - b.revision)
    .map((r, i) =>
      ctx.upcasters.upcast({
        id: ids[i],
        streamId,
        type: events[i].type,
        schemaVersion: events[i].schemaVersion ?? ctx.upcasters.currentVersion(events[i].type),
        data: events[i].data ?? null,
        metadata: events[i].metadata,
        revision: r.revision,
        position: Number(r.position),
        transactionId: r.transaction_id,
      }),
    );
  const last = stored[stored.length - 1].revision;

  for (const projection of ctx.projections) {
    const handled = stored.filter((e) => projection.handles.includes(e.type));
    if (handled.length > 0) await projection.apply(handled, sql, { stateAfter });
  }
  return { nextExpectedRevision: last, events: stored };
}

/** The append function's refusals as the store's named errors (SQLSTATEs of migration event-store-004). */
function appendFailure(err: unknown, streamId: string, expected: ExpectedRevision): unknown {
  const e = err as { code?: string; detail?: string };
  if (e?.code === 'P0409') {
    const actual = e.detail ? Number(e.detail) : null;
    return new WrongExpectedRevisionError(streamId, expected, actual);
  }
  if (e?.code === 'P0410') return new StreamOrderConflictError(streamId);
  if (isUniqueViolation(err, 'events_stream_revision_key'))
    return new WrongExpectedRevisionError(streamId, expected, null);
  if (isUniqueViolation(err, 'events_id_key')) return new DuplicateEventIdError(streamId, e.detail ?? '');
  return err;
}

/**
 * Takes the streams' advisory locks (sorted, so two lockers cannot deadlock). Unlike a row lock, an advisory lock
 * does not assign a transaction id: taken before the transaction's first write, it makes the id assigned afterwards
 * higher than that of every earlier writer of these streams, which have all committed by then.
 */
export async function lockStreams(sql: SqlExecutor, t: StoreTables, streamIds: readonly string[]): Promise<void> {
  const statements = lockStatements(t, streamIds);
  if (statements) await sql.query(statements);
}

/**
 * The statements that take these streams' locks, sorted, or '' for none. Literal values, so they need no
 * parameters: they go in one round trip, in order, and a transaction's BEGIN (and a statement without parameters
 * that follows them) can travel with them (DeferredBegin).
 */
export function lockStatements(t: StoreTables, streamIds: Iterable<string>): string {
  return [...new Set(streamIds)]
    .sort()
    .map((id) => `SELECT pg_advisory_xact_lock(hashtext(${literal(t.schema)}), hashtext(${literal(id)}))`)
    .join('; ');
}

/**
 * A SQL string literal of any text (as node-postgres' escapeLiteral writes it). Untyped, as a query parameter is:
 * PostgreSQL infers its type from where it stands.
 */
export function literal(text: string): string {
  const quoted = text.replace(/'/g, "''");
  return text.includes('\\') ? ` E'${quoted.replace(/\\/g, '\\\\')}'` : `'${quoted}'`;
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
