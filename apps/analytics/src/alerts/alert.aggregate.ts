import {
  decideAlerts,
  evolveAlerts,
  initialAlertsState,
  type AlertCommand,
  type AlertEvent,
  type AlertsState,
} from '@platform/analytics-domain';
import { ALERT_STREAM_CATEGORY, analyticsEventContracts } from '@platform/contracts';
import type { SqlExecutor } from '@platform/event-store';
import type { Aggregate } from '@platform/service-kit';

/** The alerts of one assistant as stored in `alert_view`: its open alerts and the stream revision. */
export type AlertsDoc = AlertsState & { assistantId: string; version: number };

export async function writeAlertView(sql: SqlExecutor, doc: AlertsDoc, revision: number): Promise<void> {
  await sql.query(
    `INSERT INTO alert_view (id, owner_id, open_count, doc, revision) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (id) DO UPDATE SET owner_id = EXCLUDED.owner_id, open_count = EXCLUDED.open_count,
       doc = EXCLUDED.doc, revision = EXCLUDED.revision`,
    [
      doc.assistantId,
      doc.ownerId,
      Object.keys(doc.open).length,
      JSON.stringify({ ...doc, version: revision }),
      revision,
    ],
  );
}

/** Stream `alert-<assistantId>`: the analytics service's only aggregate, so alerts reach the bus as events. */
export const alertAggregate: Aggregate<AlertsDoc, AlertsState, AlertCommand, AlertEvent, AlertsDoc> = {
  category: ALERT_STREAM_CATEGORY,
  table: 'alert_view',
  eventTypes: analyticsEventContracts.types,
  stateOf: (doc) => doc ?? initialAlertsState,
  docOf: (state) => (state.assistantId === null ? null : ({ ...state, version: 0 } as AlertsDoc)),
  decide: decideAlerts,
  fold: (events, state) => events.reduce(evolveAlerts, state),
  versionOf: (doc) => doc.version,
  toResponse: (doc) => doc,
  write: writeAlertView,
};
