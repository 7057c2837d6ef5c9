import type { Pool, PoolClient, QueryResult } from 'pg';
import type { NamedStatement, SqlExecutor } from '../port/event-store.port';
import { EventStoreUnavailableError } from '../errors';
import { isConnectionError, toUnavailable } from './pg-errors';

/**
 * The connection of a transaction whose BEGIN travels with its first statement: a statement without parameters
 * (a stream lock, say) is sent as `BEGIN; <statement>` in one round trip; one with parameters needs BEGIN alone
 * first (the extended protocol takes one statement). A transaction that ran nothing needs no BEGIN nor COMMIT.
 */
export class DeferredBegin implements SqlExecutor {
  begun = false;

  constructor(readonly client: PoolClient) {}

  async query<R extends Record<string, unknown> = Record<string, unknown>>(
    text: string | NamedStatement,
    params?: unknown[],
  ): Promise<{ rows: R[]; rowCount: number | null }> {
    const run = () => (typeof text === 'string' ? this.client.query<R>(text, params) : this.client.query<R>(text));
    if (this.begun) return lastResult(await run());
    this.begun = true;
    if (typeof text !== 'string' || (params && params.length > 0)) {
      await this.client.query('BEGIN');
      return run();
    }
    return lastResult(await this.client.query<R>(`BEGIN; ${text}`));
  }
}

/** Whether a statement has parameters (and so must go on its own, in the extended protocol). */
export function hasParameters(text: string | NamedStatement, params?: unknown[]): boolean {
  return typeof text !== 'string' || (params !== undefined && params.length > 0);
}

/** Several statements in one query string answer with one result each: the caller wants the last one's. */
function lastResult<R extends Record<string, unknown>>(result: QueryResult<R> | QueryResult<R>[]): QueryResult<R> {
  return Array.isArray(result) ? result[result.length - 1] : result;
}

/**
 * BEGIN, work, COMMIT on one pooled client; ROLLBACK on any failure. Connection failures surface as
 * EventStoreUnavailableError and the client is destroyed instead of going back to the pool.
 */
export async function withTransaction<T>(pool: Pool, work: (client: PoolClient) => Promise<T>): Promise<T> {
  return withDeferredTransaction(pool, (tx) => tx.query('SELECT 1').then(() => work(tx.client)));
}

/** withTransaction, with the BEGIN sent together with the first statement (see DeferredBegin). */
export async function withDeferredTransaction<T>(pool: Pool, work: (tx: DeferredBegin) => Promise<T>): Promise<T> {
  return withConnection(pool, async (client, drop) => {
    const tx = new DeferredBegin(client);
    try {
      const result = await work(tx);
      if (tx.begun) await client.query('COMMIT');
      return result;
    } catch (err) {
      // A connection that cannot roll back is in an unknown state: it must not go back to the pool.
      if (tx.begun && !isConnectionError(err)) await client.query('ROLLBACK').catch((e: Error) => drop(e));
      throw err;
    }
  });
}

/**
 * Work on one pooled connection. Unlike `pool.query`, which closes the connection after any failed statement, a
 * refusal of ours (a wrong expected revision, say) gives the connection back to the pool: only a broken one is
 * dropped (a connection error, or `drop(reason)`), so writers that lose races do not reconnect every time.
 * Connection failures surface as EventStoreUnavailableError.
 */
export async function withConnection<T>(
  pool: Pool,
  work: (client: PoolClient, drop: (reason: Error) => void) => Promise<T>,
): Promise<T> {
  let client: PoolClient;
  try {
    client = await pool.connect();
  } catch (err) {
    // Whatever the reason (refused, terminated, database closed to connections), nothing was written.
    throw err instanceof EventStoreUnavailableError ? err : new EventStoreUnavailableError(err);
  }
  let broken: Error | undefined;
  // A socket that drops between two queries emits 'error' on the client; unhandled, it would crash the process.
  const drop = (err: Error) => (broken ??= err);
  client.on('error', drop);
  try {
    return await work(client, drop);
  } catch (err) {
    if (isConnectionError(err)) drop(err instanceof Error ? err : new Error(String(err)));
    throw toUnavailable(err);
  } finally {
    client.off('error', drop);
    client.release(broken);
  }
}
