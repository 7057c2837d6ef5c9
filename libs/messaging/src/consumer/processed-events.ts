import { assertSchemaName, runMigrations, sqlLiteral, type Migration, type SqlExecutor } from '@platform/event-store';
import type { Pool } from 'pg';

/** Which events each consumer has already applied: the key that makes redelivery harmless. */
export function processedEventsMigrations(schema: string): Migration[] {
  return [
    {
      id: 'messaging-consumer-001-processed-events',
      sql: `
        CREATE TABLE "${assertSchemaName(schema)}".processed_events (
          consumer text NOT NULL,
          event_id uuid NOT NULL,
          processed_at timestamptz NOT NULL DEFAULT now(),
          PRIMARY KEY (consumer, event_id)
        );`,
    },
  ];
}

export function migrateProcessedEvents(pool: Pool, schema: string): Promise<string[]> {
  return runMigrations(pool, schema, processedEventsMigrations(schema));
}

/**
 * Records several events for the consumer at once; answers the ids recorded now (not applied before). The ids
 * travel as literals, so the statement has no parameters and can go in one round trip with the BEGIN of the
 * transaction it opens (the event store's DeferredBegin).
 */
export async function claimEvents(
  sql: SqlExecutor,
  schema: string,
  consumer: string,
  eventIds: readonly string[],
): Promise<Set<string>> {
  const { rows } = await sql.query<{ event_id: string }>(
    `INSERT INTO "${assertSchemaName(schema)}".processed_events (consumer, event_id)
     SELECT ${sqlLiteral(consumer)}, unnest(ARRAY[${eventIds.map(sqlLiteral).join(', ')}]::uuid[])
     ON CONFLICT (consumer, event_id) DO NOTHING RETURNING event_id`,
  );
  return new Set(rows.map((r) => r.event_id));
}
