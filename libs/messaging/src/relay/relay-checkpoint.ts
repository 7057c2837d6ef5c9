import {
  assertSchemaName,
  FEED_START,
  runMigrations,
  type FeedCheckpoint,
  type Migration,
  type SqlExecutor,
} from '@platform/event-store';
import type { Pool } from 'pg';
import { parkedEventsMigrations } from './parked-events';

// The relay's place in the feed, per JetStream stream: a new bus prefix starts from the beginning.
export function relayMigrations(schema: string): Migration[] {
  return [
    {
      id: 'messaging-001-relay-checkpoint',
      sql: `
        CREATE TABLE "${assertSchemaName(schema)}".relay_checkpoint (
          stream text PRIMARY KEY,
          transaction_id xid8 NOT NULL DEFAULT '0',
          position bigint NOT NULL DEFAULT 0,
          updated_at timestamptz NOT NULL DEFAULT now()
        );`,
    },
    ...parkedEventsMigrations(schema),
  ];
}

export function migrateRelay(pool: Pool, schema: string): Promise<string[]> {
  return runMigrations(pool, schema, relayMigrations(schema));
}

const table = (schema: string) => `"${assertSchemaName(schema)}".relay_checkpoint`;

export async function readRelayCheckpoint(sql: SqlExecutor, schema: string, stream: string): Promise<FeedCheckpoint> {
  const { rows } = await sql.query<{ transaction_id: string; position: string }>(
    `SELECT transaction_id::text AS transaction_id, position FROM ${table(schema)} WHERE stream = $1`,
    [stream],
  );
  return rows[0] ? { transactionId: rows[0].transaction_id, position: Number(rows[0].position) } : FEED_START;
}

export async function saveRelayCheckpoint(
  sql: SqlExecutor,
  schema: string,
  stream: string,
  to: FeedCheckpoint,
): Promise<void> {
  await sql.query(
    `INSERT INTO ${table(schema)} (stream, transaction_id, position) VALUES ($1, $2::xid8, $3)
     ON CONFLICT (stream) DO UPDATE
       SET transaction_id = EXCLUDED.transaction_id, position = EXCLUDED.position, updated_at = now()`,
    [stream, to.transactionId, to.position],
  );
}
