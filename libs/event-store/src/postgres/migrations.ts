import type { Pool } from 'pg';
import { assertSchemaName, storeTables } from './identifiers';
import { withTransaction } from './session';

/** One schema change; `id` is recorded in `<schema>.schema_migrations` and never applied twice. */
export interface Migration {
  id: string;
  sql: string;
}

/** The event store's own tables, in order. Append new entries; never edit an applied one. */
export function eventStoreMigrations(schema: string): Migration[] {
  const t = storeTables(schema);
  assertSchemaName(schema);
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
    {
      id: 'event-store-004-append-function',
      // One round trip per append: lock, expected-revision check, revision claim and insert in one statement.
      // A numeric expectation that is already behind fails before the lock, so a stale writer never makes the
      // writer with the right revision wait. Errors: P0409 wrong expected revision (DETAIL: the actual revision,
      // empty for no stream), P0410 stream order conflict (retry in a new transaction). See append.ts.
      sql: `
        CREATE OR REPLACE FUNCTION ${s}.append_events(
          p_stream text, p_mode text, p_expected int, p_events jsonb, p_lock boolean, p_notify text
        ) RETURNS TABLE (out_revision int, out_position bigint, out_transaction_id text)
        LANGUAGE plpgsql VOLATILE AS $fn$
        DECLARE
          n int := jsonb_array_length(p_events);
          cur int;
          last int;
        BEGIN
          IF p_mode = 'exact' AND p_expected > 0 THEN
            SELECT s.revision INTO cur FROM ${t.streams} s WHERE s.stream_id = p_stream;
            IF cur IS NOT NULL AND cur > p_expected THEN
              RAISE EXCEPTION USING ERRCODE = 'P0409', MESSAGE = 'wrong expected revision', DETAIL = cur::text;
            END IF;
          END IF;
          IF p_lock THEN
            PERFORM pg_advisory_xact_lock(hashtext('${schema}'), hashtext(p_stream));
          END IF;
          IF p_mode = 'no_stream' OR (p_mode = 'exact' AND p_expected = 0) THEN
            INSERT INTO ${t.streams} AS s (stream_id, revision, last_transaction_id)
              VALUES (p_stream, n, pg_current_xact_id())
              ON CONFLICT (stream_id) DO NOTHING RETURNING s.revision INTO last;
          ELSIF p_mode = 'any' THEN
            INSERT INTO ${t.streams} AS s (stream_id, revision, last_transaction_id)
              VALUES (p_stream, n, pg_current_xact_id())
              ON CONFLICT (stream_id) DO UPDATE
                SET revision = s.revision + n, last_transaction_id = EXCLUDED.last_transaction_id, updated_at = now()
                WHERE s.last_transaction_id <= EXCLUDED.last_transaction_id
              RETURNING s.revision INTO last;
            IF last IS NULL THEN
              RAISE EXCEPTION USING ERRCODE = 'P0410', MESSAGE = 'stream order conflict';
            END IF;
          ELSE
            UPDATE ${t.streams} s SET revision = s.revision + n, last_transaction_id = pg_current_xact_id(), updated_at = now()
              WHERE s.stream_id = p_stream AND (p_mode = 'stream_exists' OR s.revision = p_expected)
                AND s.last_transaction_id <= pg_current_xact_id()
              RETURNING s.revision INTO last;
          END IF;
          IF last IS NULL THEN
            SELECT s.revision INTO cur FROM ${t.streams} s WHERE s.stream_id = p_stream;
            IF p_mode IN ('no_stream', 'stream_exists') OR cur IS NULL OR (p_mode = 'exact' AND cur <> p_expected) THEN
              RAISE EXCEPTION USING ERRCODE = 'P0409', MESSAGE = 'wrong expected revision', DETAIL = coalesce(cur::text, '');
            END IF;
            RAISE EXCEPTION USING ERRCODE = 'P0410', MESSAGE = 'stream order conflict';
          END IF;
          IF p_notify IS NOT NULL THEN
            PERFORM pg_notify(p_notify, '');
          END IF;
          RETURN QUERY
            INSERT INTO ${t.events} AS e (stream_id, revision, id, type, schema_version, data, metadata)
            SELECT p_stream, last - n + 1 + x.i, x.id, x.type, x.schema_version, coalesce(x.data, 'null'), x.metadata
            FROM jsonb_to_recordset(p_events) AS x(i int, id uuid, type text, schema_version int, data jsonb, metadata jsonb)
            ORDER BY x.i
            RETURNING e.revision, e.position, e.transaction_id::text;
        END
        $fn$;`,
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
