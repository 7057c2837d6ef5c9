import { sqlLiteral, type SqlExecutor } from '@platform/event-store';
import type { BusEvent } from '@platform/messaging';
import { effectsOf, type Effect } from './effects';
import { TABLE_SPECS, type TableKind, type TableSet } from './tables';

/**
 * The consumers' and the rebuild's shared lock: every live application holds it shared, a rebuild's swap holds it
 * exclusively, so no event is applied to the tables being swapped out. Consumers take it after claiming their ids
 * (the IdempotentConsumer claims first): the rebuild records the ids it replayed before it takes the lock, and that
 * order is what keeps the two from waiting for each other.
 */
export const PROJECTION_LOCK = 'analytics-projections';
const LOCK_SHARED = `SELECT pg_advisory_xact_lock_shared(hashtext(${sqlLiteral(PROJECTION_LOCK)}))`;

const KINDS = Object.keys(TABLE_SPECS) as TableKind[];

/** One statement writing rows of one or more tables: its text and its parameters (a JSON array of docs each). */
export interface RowWrite {
  text: string;
  values: string[];
}

/** Applies one event's effects in the caller's transaction: each row locked, evolved and written back. */
export async function applyEvent(sql: SqlExecutor, event: BusEvent, tables: TableSet): Promise<number> {
  const effects = effectsOf(event);
  if (effects.length === 0) return 0;
  await sql.query(LOCK_SHARED);
  for (const effect of effects) {
    const spec = TABLE_SPECS[effect.table];
    const table = tables[effect.table];
    const { rows } = await sql.query<{ doc: unknown }>(`SELECT doc FROM ${table} WHERE ${spec.where} FOR UPDATE`, [
      ...effect.key,
    ]);
    const doc = effect.evolve(rows[0]?.doc ?? null);
    if (doc !== null && doc !== undefined) await sql.query(spec.upsertMany(table, 1), [JSON.stringify([doc])]);
  }
  return effects.length;
}

/**
 * Applies a batch of events in the caller's transaction, in two round trips: the projection lock and every row the
 * events touch, locked and read (one statement per table, sent together); then, the rows evolved in memory event by
 * event, every changed row written back in one statement. Same result as applyEvent per event.
 */
export async function applyEvents(sql: SqlExecutor, events: readonly BusEvent[], tables: TableSet): Promise<number> {
  const effects = events.flatMap((e) => effectsOf(e));
  if (effects.length === 0) return 0;
  const reads: TableKind[] = [];
  const statements = [LOCK_SHARED];
  for (const kind of KINDS) {
    const keys = new Map<string, readonly string[]>();
    for (const e of effects) if (e.table === kind) keys.set(e.key.join('\u0000'), e.key);
    if (keys.size === 0) continue;
    reads.push(kind);
    statements.push(TABLE_SPECS[kind].selectMany(tables[kind], [...keys.values()]));
  }
  // Several statements in one query string answer with one result each, in order.
  const answer = (await sql.query(statements.join(';\n'))) as unknown;
  const results = answer as { rows: { doc: Record<string, unknown> }[] }[];
  if (!Array.isArray(answer) || results.length !== statements.length)
    throw new Error(`Expected ${statements.length} results from the projection's reads`);
  const projector = new BatchProjector();
  reads.forEach((kind, i) => {
    for (const r of results[i + 1].rows) projector.hold(kind, r.doc);
  });
  for (const e of effects) projector.applyEffect(e);
  await projector.flush(sql, tables);
  return effects.length;
}

/**
 * The effects folded in memory: every row is evolved where it is held (in place: the projector owns its docs) and
 * written once per flush, so a batch or a replay costs a fraction of the per-event round trips.
 */
export class BatchProjector {
  private readonly docs: Record<TableKind, Map<string, unknown>> = {
    assistant: new Map(),
    conversation: new Map(),
    hourly: new Map(),
  };
  private readonly dirty: Record<TableKind, Set<string>> = {
    assistant: new Set(),
    conversation: new Set(),
    hourly: new Set(),
  };

  apply(event: BusEvent): void {
    for (const effect of effectsOf(event)) this.applyEffect(effect);
  }

  /** Holds a row as it is stored, to be evolved further (live batches start from the current rows). */
  hold(kind: TableKind, doc: Record<string, unknown>): void {
    this.docs[kind].set(TABLE_SPECS[kind].keyOf(doc).join('\u0000'), doc);
  }

  applyEffect(effect: Effect): void {
    const key = effect.key.join('\u0000');
    const doc = effect.evolve(this.docs[effect.table].get(key) ?? null);
    if (doc === null || doc === undefined) return;
    this.docs[effect.table].set(key, doc);
    this.dirty[effect.table].add(key);
  }

  /**
   * The writes of every row changed since the last call, serialized now (folding on does not change them), up to
   * `chunk` rows of each table per statement; the rows count as written from here on.
   */
  takeWrites(tables: TableSet, chunk = 5_000): RowWrite[] {
    const chunks = KINDS.map((kind) => {
      const docs = [...this.dirty[kind]].map((k) => this.docs[kind].get(k));
      this.dirty[kind].clear();
      const out: string[] = [];
      for (let i = 0; i < docs.length; i += chunk) out.push(JSON.stringify(docs.slice(i, i + chunk)));
      return out;
    });
    const writes: RowWrite[] = [];
    for (let n = 0; chunks.some((c) => n < c.length); n++) {
      const parts: string[] = [];
      const values: string[] = [];
      KINDS.forEach((kind, k) => {
        if (n >= chunks[k].length) return;
        values.push(chunks[k][n]);
        parts.push(TABLE_SPECS[kind].upsertMany(tables[kind], values.length));
      });
      // Data-modifying statements in WITH run exactly once, to completion: several tables in one statement.
      const last = parts.pop()!;
      const text = parts.length === 0 ? last : `WITH ${parts.map((p, i) => `w${i} AS (${p})`).join(',\n')}\n${last}`;
      writes.push({ text, values });
    }
    return writes;
  }

  /** Writes every row changed since the last flush. */
  async flush(sql: SqlExecutor, tables: TableSet, chunk?: number): Promise<void> {
    await runWrites(sql, this.takeWrites(tables, chunk));
  }
}

export async function runWrites(sql: SqlExecutor, writes: readonly RowWrite[]): Promise<void> {
  for (const w of writes) await sql.query(w.text, w.values);
}
