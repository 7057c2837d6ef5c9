import { deploymentsEventContracts } from '@platform/contracts';
import type { SqlExecutor, Upcaster } from '@platform/event-store';
import { aggregateView, serviceSchema, type ConsumerDefinition } from '@platform/service-kit';
import { archiveConsumer } from './archive/archive.workflow';
import { deploymentAggregate } from './deployments/deployment.aggregate';
import { deploymentViewMigrations } from './deployments/projections/deployment-view.migrations';

// Everything the deployments service keeps in its own schema beside the event store, in one place: the service
// module wires it, and the projection rebuild tool replays events through the same projections.
export const schema = serviceSchema('deployments');
export const inlineProjections = [aggregateView(deploymentAggregate)];
export const migrations = [...deploymentViewMigrations];
export const upcasters: Upcaster[] = [...deploymentsEventContracts.upcasters];
export const currentSchemaVersions: Record<string, number> = { ...deploymentsEventContracts.currentSchemaVersions };
/** The archive workflow: other services' events from the bus. */
export const consumers: ConsumerDefinition[] = [archiveConsumer];

export async function resetReadModels(sql: SqlExecutor): Promise<void> {
  await sql.query('TRUNCATE deployment_view');
}
