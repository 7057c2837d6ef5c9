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
