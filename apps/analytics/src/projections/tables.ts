import { sqlLiteral } from '@platform/event-store';

// The analytics read models. Each is a table of docs folded by the domain's evolve functions, plus the columns
// queries filter on. A rebuild fills a second set (suffix `_next`) and swaps it in; names come from here only.

export type TableKind = 'assistant' | 'conversation' | 'hourly';

export interface TableSet {
  assistant: string;
  conversation: string;
  hourly: string;
}

export const LIVE_TABLES: TableSet = {
  assistant: 'analytics_assistant',
  conversation: 'analytics_conversation',
  hourly: 'analytics_hourly',
};

export const NEXT_TABLES: TableSet = {
  assistant: 'analytics_assistant_next',
  conversation: 'analytics_conversation_next',
  hourly: 'analytics_hourly_next',
};

/** DDL of a table set. Index and key names are left to PostgreSQL, so a swapped-in set never clashes with the next. */
export function tableDdl(t: TableSet): string {
  return `
    CREATE TABLE IF NOT EXISTS ${t.assistant} (
      assistant_id text PRIMARY KEY,
      owner_id text NOT NULL,
      status text NOT NULL,
      type text NOT NULL,
      doc jsonb NOT NULL
    );
    CREATE INDEX IF NOT EXISTS ${t.assistant}_owner ON ${t.assistant} (owner_id);
    CREATE TABLE IF NOT EXISTS ${t.conversation} (
      conversation_id text PRIMARY KEY,
      assistant_id text NOT NULL,
      started_at timestamptz,
      ended_at timestamptz,
      doc jsonb NOT NULL
    );
    CREATE INDEX IF NOT EXISTS ${t.conversation}_assistant ON ${t.conversation} (assistant_id, started_at);
    CREATE TABLE IF NOT EXISTS ${t.hourly} (
      assistant_id text NOT NULL,
      hour timestamptz NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now(),
      doc jsonb NOT NULL,
      PRIMARY KEY (assistant_id, hour)
    );
    CREATE INDEX IF NOT EXISTS ${t.hourly}_updated ON ${t.hourly} (updated_at);`;
}

interface TableSpec {
  /** WHERE clause selecting one row by its key ($1, $2 …). */
  where: string;
  /**
   * Locks and reads the rows of many keys, in key order so writers never deadlock. The keys are literals (no
   * parameters), so the statement can travel with others in one round trip.
   */
  selectMany(table: string, keys: readonly (readonly string[])[]): string;
  /** The key of a row's doc, as the effects spell it. */
  keyOf(doc: Record<string, unknown>): readonly string[];
  /** Upserts the docs of a JSON array (parameter `$param`), one row each: key and columns read from the doc. */
  upsertMany(table: string, param: number): string;
}

/** An array of literals, e.g. `ARRAY['a', 'b']::text[]`. */
const arrayOf = (values: readonly string[], type: string) => `ARRAY[${values.map(sqlLiteral).join(', ')}]::${type}[]`;
const column = (keys: readonly (readonly string[])[], i: number) => keys.map((k) => k[i]);

export const TABLE_SPECS: Record<TableKind, TableSpec> = {
  assistant: {
    where: 'assistant_id = $1',
    selectMany: (t, keys) =>
      `SELECT doc FROM ${t} WHERE assistant_id = ANY(${arrayOf(column(keys, 0), 'text')}) ORDER BY assistant_id FOR UPDATE`,
    keyOf: (d) => [d.assistantId as string],
    upsertMany: (t, p) =>
      `INSERT INTO ${t} (assistant_id, owner_id, status, type, doc)
       SELECT d->>'assistantId', d->>'ownerId', d->>'status', d->>'type', d FROM jsonb_array_elements($${p}::jsonb) d
       ON CONFLICT (assistant_id) DO UPDATE SET owner_id = EXCLUDED.owner_id, status = EXCLUDED.status,
         type = EXCLUDED.type, doc = EXCLUDED.doc`,
  },
  conversation: {
    where: 'conversation_id = $1',
    selectMany: (t, keys) =>
      `SELECT doc FROM ${t} WHERE conversation_id = ANY(${arrayOf(column(keys, 0), 'text')})
       ORDER BY conversation_id FOR UPDATE`,
    keyOf: (d) => [d.conversationId as string],
    upsertMany: (t, p) =>
      `INSERT INTO ${t} (conversation_id, assistant_id, started_at, ended_at, doc)
       SELECT d->>'conversationId', d->>'assistantId', (d->>'startedAt')::timestamptz, (d->>'endedAt')::timestamptz, d
       FROM jsonb_array_elements($${p}::jsonb) d
       ON CONFLICT (conversation_id) DO UPDATE SET started_at = EXCLUDED.started_at, ended_at = EXCLUDED.ended_at,
         doc = EXCLUDED.doc`,
  },
  hourly: {
    where: 'assistant_id = $1 AND hour = $2',
    selectMany: (t, keys) =>
      `SELECT doc FROM ${t} WHERE (assistant_id, hour) IN
         (SELECT * FROM unnest(${arrayOf(column(keys, 0), 'text')}, ${arrayOf(column(keys, 1), 'timestamptz')}))
       ORDER BY assistant_id, hour FOR UPDATE`,
    keyOf: (d) => [d.assistantId as string, d.hour as string],
    upsertMany: (t, p) =>
      `INSERT INTO ${t} (assistant_id, hour, doc)
       SELECT d->>'assistantId', (d->>'hour')::timestamptz, d FROM jsonb_array_elements($${p}::jsonb) d
       ON CONFLICT (assistant_id, hour) DO UPDATE SET doc = EXCLUDED.doc, updated_at = now()`,
  },
};
