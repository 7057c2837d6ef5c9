// Shared by the *.int.spec.ts files of this lib; the .spec.ts suffix keeps it (and its test-only imports) out of
// the production build, and it holds no tests itself.
import { createTestDatabase, type TestDatabase } from '@platform/testing';
import { v7 as uuidv7 } from 'uuid';
import type { EventMetadata, NewEvent, StoredEvent } from '../port/event-store.port';
import { runMigrations, type Migration } from '../postgres/migrations';
import { PostgresEventStore, type PostgresEventStoreConnectOptions } from '../postgres/postgres-event-store';

export { createTestDatabase, type TestDatabase };

export const SCHEMA = 'es_test';

export function metadata(): EventMetadata {
  return { correlationId: uuidv7(), causationId: null, actorId: 'user-1', occurredAt: new Date().toISOString() };
}

export function event(type = 'ThingHappened', data: unknown = { n: 1 }): NewEvent {
  return { type, data, metadata: metadata() };
}

export function events(count: number, type = 'ThingHappened'): NewEvent[] {
  return Array.from({ length: count }, (_, i) => event(type, { n: i }));
}

export function newStreamId(category = 'thing'): string {
  return `${category}-${uuidv7()}`;
}

export function connectStore(db: TestDatabase, options: Partial<PostgresEventStoreConnectOptions> = {}) {
  return PostgresEventStore.connect({ connectionString: db.url, schema: SCHEMA, ...options });
}

/** A spec's own database and store (with the spec's tables); pair with closeTestStore in afterAll. */
export async function openTestStore(
  label: string,
  options: Partial<PostgresEventStoreConnectOptions> = {},
  migrations: Migration[] = [],
): Promise<{ db: TestDatabase; store: PostgresEventStore }> {
  const db = await createTestDatabase(label);
  const store = await connectStore(db, options);
  if (migrations.length > 0) await runMigrations(store.pool, SCHEMA, migrations);
  return { db, store };
}

export async function closeTestStore(db?: TestDatabase, store?: PostgresEventStore): Promise<void> {
  await store?.close();
  await db?.drop();
}

/** Polls `check` until it holds, failing with `what` at the deadline (no fixed sleeps in tests). */
export async function eventually(what: string, check: () => Promise<boolean> | boolean, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for: ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** A promise plus its resolver, for holding a transaction open until the test says so. */
export function gate<T = void>() {
  let open!: (value: T) => void;
  const opened = new Promise<T>((resolve) => (open = resolve));
  return { open, opened };
}

/** The feed order as comparable numbers: (transaction id, position). */
export function feedKey(e: StoredEvent): [bigint, number] {
  return [BigInt(e.transactionId), e.position];
}
