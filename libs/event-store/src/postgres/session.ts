import type { Pool, PoolClient } from 'pg';
import { EventStoreUnavailableError } from '../errors';
import { isConnectionError, toUnavailable } from './pg-errors';

/**
 * BEGIN, work, COMMIT on one pooled client; ROLLBACK on any failure. Connection failures surface as
 * EventStoreUnavailableError and the client is destroyed instead of going back to the pool.
 */
export async function withTransaction<T>(pool: Pool, work: (client: PoolClient) => Promise<T>): Promise<T> {
  let client: PoolClient;
  try {
    client = await pool.connect();
  } catch (err) {
    // Whatever the reason (refused, terminated, database closed to connections), nothing was written.
    throw err instanceof EventStoreUnavailableError ? err : new EventStoreUnavailableError(err);
  }
  let broken: Error | undefined;
  // A socket that drops between two queries emits 'error' on the client; unhandled, it would crash the process.
  const onError = (err: Error) => (broken ??= err);
  client.on('error', onError);
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (err) {
    if (isConnectionError(err)) broken ??= err instanceof Error ? err : new Error(String(err));
    if (!broken) await client.query('ROLLBACK').catch((e: Error) => (broken = e));
    throw toUnavailable(err);
  } finally {
    client.off('error', onError);
    client.release(broken);
  }
}
