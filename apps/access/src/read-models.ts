import { accessEventContracts } from '@platform/contracts';
import type { SqlExecutor, Upcaster } from '@platform/event-store';
import { aggregateView, serviceSchema, type ConsumerDefinition } from '@platform/service-kit';
import { apiKeyAggregate } from './api-keys/api-key.aggregate';
import { apiKeyViewMigrations } from './api-keys/projections/api-key-view.migrations';
import { auditConsumer } from './audit/audit.projection';
import { auditMigrations } from './audit/audit.migrations';

// Everything the access service keeps in its own schema beside the event store, in one place: the service module
// wires it, and the projection rebuild tool replays its own events through the same inline projections.
export const schema = serviceSchema('access');
export const inlineProjections = [aggregateView(apiKeyAggregate)];
export const migrations = [...apiKeyViewMigrations, ...auditMigrations];
export const upcasters: Upcaster[] = [...accessEventContracts.upcasters];
export const currentSchemaVersions: Record<string, number> = { ...accessEventContracts.currentSchemaVersions };
/** The audit trail: every service's events, from the bus (it is rebuilt by replaying the bus, not this store). */
export const consumers: ConsumerDefinition[] = [auditConsumer];

export async function resetReadModels(sql: SqlExecutor): Promise<void> {
  await sql.query('TRUNCATE api_key_view');
}
