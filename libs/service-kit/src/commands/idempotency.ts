import type { RequestMeta } from '@platform/contracts';
import type { EventStoreTransaction, Migration } from '@platform/event-store';
import { IdempotencyKeyReusedError } from '../errors';

/** The kit's table in every service's schema (names resolve in the service's own schema). */
export const idempotencyMigration: Migration = {
  id: 'kit-001-idempotency-keys',
  sql: `
    CREATE TABLE IF NOT EXISTS idempotency_keys (
      actor_id text NOT NULL,
      key text NOT NULL,
      request_hash text NOT NULL,
      response jsonb NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (actor_id, key)
    );
  `,
};

/**
 * Runs `work` once per (actor, Idempotency-Key); a repeat with the same request gets the first response, with
 * another request a 422. The key is claimed first, in the caller's transaction: a concurrent repeat blocks on
 * the claim until the first commits (then reads its response) or rolls back (then does the work itself).
 */
export async function claimIdempotencyKey<T>(
  tx: EventStoreTransaction,
  meta: RequestMeta,
  work: () => Promise<T>,
): Promise<T> {
  if (!meta.idempotencyKey) return work();
  const key = [meta.actorId, meta.idempotencyKey];
  const hash = meta.requestHash ?? '';
  const claim = await tx.query(
    `INSERT INTO idempotency_keys (actor_id, key, request_hash, response) VALUES ($1, $2, $3, 'null')
     ON CONFLICT DO NOTHING`,
    [...key, hash],
  );
  if (claim.rowCount === 0) {
    const { rows } = await tx.query<{ request_hash: string; response: T }>(
      'SELECT request_hash, response FROM idempotency_keys WHERE actor_id = $1 AND key = $2',
      key,
    );
    if (rows[0].request_hash !== hash) throw new IdempotencyKeyReusedError(meta.idempotencyKey);
    return rows[0].response;
  }
  const response = await work();
  await tx.query('UPDATE idempotency_keys SET response = $3 WHERE actor_id = $1 AND key = $2', [
    ...key,
    JSON.stringify(response),
  ]);
  return response;
}
