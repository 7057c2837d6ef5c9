import { FEED_START, type FeedCheckpoint, type SqlExecutor } from '../port/event-store.port';
import type { StoreTables } from '../postgres/identifiers';

/** Subscription checkpoints live in `<schema>.subscription_checkpoints`, next to the events they point into. */
export async function ensureCheckpoint(sql: SqlExecutor, t: StoreTables, name: string): Promise<void> {
  await sql.query(`INSERT INTO ${t.checkpoints} (name) VALUES ($1) ON CONFLICT (name) DO NOTHING`, [name]);
}

/** Reads and row-locks the checkpoint: a second instance of the subscription waits here instead of re-reading. */
export async function lockCheckpoint(sql: SqlExecutor, t: StoreTables, name: string): Promise<FeedCheckpoint | null> {
  const { rows } = await sql.query<{ transaction_id: string; position: string }>(
    `SELECT transaction_id::text AS transaction_id, position FROM ${t.checkpoints} WHERE name = $1 FOR UPDATE`,
    [name],
  );
  return rows[0] ? { transactionId: rows[0].transaction_id, position: Number(rows[0].position) } : null;
}

export async function readCheckpoint(sql: SqlExecutor, t: StoreTables, name: string): Promise<FeedCheckpoint> {
  const { rows } = await sql.query<{ transaction_id: string; position: string }>(
    `SELECT transaction_id::text AS transaction_id, position FROM ${t.checkpoints} WHERE name = $1`,
    [name],
  );
  return rows[0] ? { transactionId: rows[0].transaction_id, position: Number(rows[0].position) } : FEED_START;
}

export async function saveCheckpoint(
  sql: SqlExecutor,
  t: StoreTables,
  name: string,
  to: FeedCheckpoint,
): Promise<void> {
  await sql.query(
    `INSERT INTO ${t.checkpoints} (name, transaction_id, position) VALUES ($1, $2::xid8, $3)
     ON CONFLICT (name) DO UPDATE SET transaction_id = EXCLUDED.transaction_id, position = EXCLUDED.position, updated_at = now()`,
    [name, to.transactionId, to.position],
  );
}
