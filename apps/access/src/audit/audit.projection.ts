import { ROLES, type Role } from '@platform/contracts';
import type { SqlExecutor } from '@platform/event-store';
import type { BusEvent } from '@platform/messaging';
import type { ConsumerDefinition } from '@platform/service-kit';

/** The durable JetStream consumer (and processed_events key) that feeds the audit trail. */
export const AUDIT_CONSUMER = 'access-audit';

const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);
const role = (value: unknown): Role | null => (ROLES.includes(value as Role) ? (value as Role) : null);

/**
 * Who did what, from an event's stream and metadata alone: the event's data (which may hold anything, a key's
 * hash included) is never copied. The event id is the key, so a replay of the bus changes nothing.
 */
export async function recordAuditEntry(event: BusEvent, sql: SqlExecutor): Promise<void> {
  const dash = event.streamId.indexOf('-');
  const m = event.metadata as unknown as Record<string, unknown>;
  await sql.query(
    `INSERT INTO audit_entry
       (event_id, at, action, resource, resource_type, actor_id, actor_owner_id, actor_role, request_id,
        correlation_id, stream_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
     ON CONFLICT (event_id) DO NOTHING`,
    [
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
    ],
  );
}

export const auditConsumer: ConsumerDefinition = { name: AUDIT_CONSUMER, handler: recordAuditEntry };
