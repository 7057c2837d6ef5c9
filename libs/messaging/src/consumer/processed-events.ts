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

/** Records the event for the consumer; false when it was recorded before (the event was already applied). */
export async function claimEvent(
  sql: SqlExecutor,
  schema: string,
  consumer: string,
  eventId: string,
): Promise<boolean> {
  const { rowCount } = await sql.query(
    `INSERT INTO "${assertSchemaName(schema)}".processed_events (consumer, event_id) VALUES ($1, $2)
     ON CONFLICT (consumer, event_id) DO NOTHING`,
    [consumer, eventId],
  );
  return rowCount === 1;
}

/** Records several events for the consumer at once; answers the ids recorded now (not applied before). */
export async function claimEvents(
  sql: SqlExecutor,
  schema: string,
  consumer: string,
  eventIds: readonly string[],
): Promise<Set<string>> {
  const { rows } = await sql.query<{ event_id: string }>(
    `INSERT INTO "${assertSchemaName(schema)}".processed_events (consumer, event_id)
     SELECT $1, unnest($2::uuid[]) ON CONFLICT (consumer, event_id) DO NOTHING RETURNING event_id`,
    [consumer, eventIds],
  );
  return new Set(rows.map((r) => r.event_id));
}

/**
 * Opens the caller's transaction and claims the events in it, in one round trip: `BEGIN; INSERT …` as one query
 * string, so the ids travel as literals (no parameters). Answers the ids recorded now, as claimEvents does.
 */
export async function beginAndClaimEvents(
  sql: SqlExecutor,
  schema: string,
  consumer: string,
  eventIds: readonly string[],
): Promise<Set<string>> {
  const result = (await sql.query(
    `BEGIN; INSERT INTO "${assertSchemaName(schema)}".processed_events (consumer, event_id)
     SELECT ${sqlLiteral(consumer)}, unnest(ARRAY[${eventIds.map(sqlLiteral).join(', ')}]::uuid[])
     ON CONFLICT (consumer, event_id) DO NOTHING RETURNING event_id`,
  )) as unknown as { rows: { event_id: string }[] }[];
  return new Set(result[result.length - 1].rows.map((r) => r.event_id));
}
