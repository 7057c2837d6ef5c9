import { ROLES, type Role } from '@platform/contracts';
import type { SqlExecutor } from '@platform/event-store';
import type { BusEvent } from '@platform/messaging';
import type { ConsumerDefinition } from '@platform/service-kit';

/** The durable JetStream consumer (and processed_events key) that feeds the audit trail. */
export const AUDIT_CONSUMER = 'access-audit';

const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);
const role = (value: unknown): Role | null => (ROLES.includes(value as Role) ? (value as Role) : null);

const COLUMNS = [
  'event_id',
  'at',
  'action',
  'resource',
  'resource_type',
  'actor_id',
  'actor_owner_id',
  'actor_role',
  'request_id',
  'correlation_id',
  'stream_id',
] as const;
const TYPES = ['uuid', 'timestamptz', 'text', 'text', 'text', 'text', 'text', 'text', 'text', 'text', 'text'];

/**
 * Who did what, from an event's stream and metadata alone: the event's data (which may hold anything, a key's hash
 * included) is never copied.
 */
function auditRow(event: BusEvent): (string | null)[] {
  const dash = event.streamId.indexOf('-');
  const m = event.metadata as unknown as Record<string, unknown>;
  return [
    event.id,
    text(m.occurredAt) ?? new Date().toISOString(),
    event.type,
    dash < 0 ? event.streamId : event.streamId.slice(dash + 1),
    dash < 0 ? event.streamId : event.streamId.slice(0, dash),
    text(m.actorId) ?? 'system',
    text(m.actorOwnerId),
    role(m.actorRole),
    text(m.causationId),
    text(m.correlationId),
    event.streamId,
  ];
}

/**
 * One statement for any number of events (one array per column): a batch of the bus costs one round trip and,
 * with the consumer's claim, one commit. The event id is the key, so a replay of the bus changes nothing.
 */
export async function recordAuditEntries(events: readonly BusEvent[], sql: SqlExecutor): Promise<void> {
  const rows = events.map(auditRow);
  await sql.query(
    `INSERT INTO audit_entry (${COLUMNS.join(', ')})
     SELECT * FROM unnest(${TYPES.map((t, i) => `$${i + 1}::${t}[]`).join(', ')})
     ON CONFLICT (event_id) DO NOTHING`,
    COLUMNS.map((_, column) => rows.map((row) => row[column])),
  );
}

export const recordAuditEntry = (event: BusEvent, sql: SqlExecutor): Promise<void> => recordAuditEntries([event], sql);

export const auditConsumer: ConsumerDefinition = {
  name: AUDIT_CONSUMER,
  handler: recordAuditEntry,
  batchHandler: recordAuditEntries,
  // Writes arrive one by one: gathered for up to 50 ms, they cost one statement and one commit together.
  lingerMs: 50,
};
