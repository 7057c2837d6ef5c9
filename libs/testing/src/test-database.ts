import type { Pool } from 'pg';
import { createDatabase } from '@platform/dev';

export interface TestDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

/**
 * A fresh, uniquely named database on the shared server, so test runs (and files within a run) never see each
 * other's data. Call drop() in afterAll; it disconnects anything still attached.
 */
export function createTestDatabase(label = 'test'): Promise<TestDatabase> {
  return createDatabase('t', label);
}

/**
 * The same pool, with every `query` it is asked counted: how many round trips some code makes (each `pool.query`
 * is one statement on its own).
 */
export function countingPool(pool: Pool): { pool: Pool; queries: () => number; reset: () => void } {
  const query = pool.query.bind(pool) as (...args: unknown[]) => unknown;
  const counted = Object.create(pool) as Pool;
  let queries = 0;
  (counted as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
    queries += 1;
    return query(...args);
  };
  return { pool: counted, queries: () => queries, reset: () => (queries = 0) };
}
