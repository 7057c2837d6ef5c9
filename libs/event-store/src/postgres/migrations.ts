import type { Pool } from 'pg';
import { storeTables } from './identifiers';
import { withTransaction } from './session';

/** One schema change; `id` is recorded in `<schema>.schema_migrations` and never applied twice. */
export interface Migration {
  id: string;
  sql: string;
}

/** The event store's own tables, in order. Append new entries; never edit an applied one. */
export function eventStoreMigrations(schema: string): Migration[] {
  const t = storeTables(schema);
  const s = `"${schema}"`;
  return [
    {
      id: 'event-store-001-events',
      sql: `
        CREATE TABLE ${t.events} (
          position bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
          transaction_id xid8 NOT NULL DEFAULT pg_current_xact_id(),
          stream_id text NOT NULL,
          revision integer NOT NULL CHECK (revision > 0),
          id uuid NOT NULL,
          type text NOT NULL,
          schema_version integer NOT NULL CHECK (schema_version > 0),
          data jsonb NOT NULL,
          metadata jsonb NOT NULL,
          created_at timestamptz NOT NULL DEFAULT now(),
          CONSTRAINT events_stream_revision_key UNIQUE (stream_id, revision),
          CONSTRAINT events_id_key UNIQUE (id)
        );
        CREATE INDEX events_feed_idx ON ${t.events} (transaction_id, position);
        -- Stored events are facts: changing one would silently change every projection rebuilt from it.
        CREATE FUNCTION ${s}.events_are_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
          BEGIN RAISE EXCEPTION 'events are immutable (% on %)', TG_OP, TG_TABLE_NAME; END $$;
        CREATE TRIGGER events_immutable BEFORE UPDATE OR DELETE ON ${t.events}
          FOR EACH ROW EXECUTE FUNCTION ${s}.events_are_immutable();`,
    },
    {
      id: 'event-store-002-streams',
      // One row per stream makes the optimistic-concurrency check a single row lock; last_transaction_id keeps
      // a stream's transactions in feed order (see append.ts).
      sql: `
        CREATE TABLE ${t.streams} (
          stream_id text PRIMARY KEY,
          revision integer NOT NULL,
          last_transaction_id xid8 NOT NULL,
          updated_at timestamptz NOT NULL DEFAULT now()
        );`,
    },
    {
      id: 'event-store-003-subscription-checkpoints',
      sql: `
        CREATE TABLE ${t.checkpoints} (
          name text PRIMARY KEY,
          transaction_id xid8 NOT NULL DEFAULT '0',
          position bigint NOT NULL DEFAULT 0,
          updated_at timestamptz NOT NULL DEFAULT now()
        );`,
    },
  ];
}

/**
 * Applies the migrations not yet recorded for `schema`, in order, in one transaction. An advisory lock keyed on
 * the schema serialises processes starting at the same time; the loser then sees everything already applied.
 * Unqualified names in `sql` resolve to `schema` (search_path is set for the transaction).
 */
export async function runMigrations(pool: Pool, schema: string, migrations: readonly Migration[]): Promise<string[]> {
  const t = storeTables(schema);
  const ids = migrations.map((m) => m.id);
  const duplicate = ids.find((id, i) => ids.indexOf(id) !== i);
  if (duplicate) throw new Error(`Duplicate migration id ${duplicate}`);

  return withTransaction(pool, async (client) => {
    await client.query(`SELECT pg_advisory_xact_lock(hashtext('platform.schema_migrations'), hashtext($1))`, [schema]);
    await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    await client.query(`SET LOCAL search_path TO "${schema}", public`);
    await client.query(
      `CREATE TABLE IF NOT EXISTS ${t.migrations} (id text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`,
    );
    const { rows } = await client.query<{ id: string }>(`SELECT id FROM ${t.migrations}`);
    const done = new Set(rows.map((r) => r.id));
    const applied: string[] = [];
    for (const m of migrations.filter((m) => !done.has(m.id))) {
      await client.query(m.sql);
      await client.query(`INSERT INTO ${t.migrations} (id) VALUES ($1)`, [m.id]);
      applied.push(m.id);
    }
    return applied;
  });
}
