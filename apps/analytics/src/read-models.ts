import { analyticsEventContracts } from '@platform/contracts';
import type { SqlExecutor, Upcaster } from '@platform/event-store';
import { aggregateView, serviceSchema, type ConsumerDefinition } from '@platform/service-kit';
import { alertAggregate } from './alerts/alert.aggregate';
import { analyticsConsumer } from './projections/analytics.consumer';
import { analyticsMigrations } from './projections/analytics.migrations';

// Everything the analytics service keeps in its schema. Its own store holds only alerts (alert_view, inline);
// the projections of the other services' events are fed from the bus and rebuilt by `npm run rebuild -- analytics`
// from every service's event store (see src/rebuild).
export const schema = serviceSchema('analytics');
export const inlineProjections = [aggregateView(alertAggregate)];
export const migrations = analyticsMigrations;
export const upcasters: Upcaster[] = [...analyticsEventContracts.upcasters];
export const currentSchemaVersions: Record<string, number> = { ...analyticsEventContracts.currentSchemaVersions };
export const consumers: ConsumerDefinition[] = [analyticsConsumer];

export async function resetReadModels(sql: SqlExecutor): Promise<void> {
  await sql.query('TRUNCATE alert_view');
}

export { rebuildAnalytics } from './rebuild/rebuild';
