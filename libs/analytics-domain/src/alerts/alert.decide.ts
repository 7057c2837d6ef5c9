import type { AnalyticsEvent } from '@platform/contracts';
import type { Breach } from '../health/health';
import type { ComponentName, Severity } from '../health/health-config';

// The alerts of one assistant (stream `alert-<assistantId>`): at most one open alert per health component.
// Evaluating the assistant's current breaches opens what newly crossed a threshold, closes what recovered, and
// closes and reopens an alert whose severity changed. Nothing changed: no events.

export interface OpenAlert {
  metric: ComponentName;
  severity: Severity;
  message: string;
  value: number;
  threshold: number;
  openedAt: string;
}

export interface AlertsState {
  assistantId: string | null;
  ownerId: string | null;
  open: Partial<Record<ComponentName, OpenAlert>>;
}

export const initialAlertsState: AlertsState = { assistantId: null, ownerId: null, open: {} };

export interface EvaluateAlerts {
  type: 'EvaluateAlerts';
  assistantId: string;
  ownerId: string | null;
  /** The thresholds crossed now; a component without data is given in `unknown` and left as it is. */
  breaches: readonly Breach[];
  /** Components measured now (with or without a breach); an open alert of one not measured stays open. */
  measured: readonly ComponentName[];
  /** Current values of the measured components (for the closing event). */
  values: Partial<Record<ComponentName, number>>;
  at: string;
}

export type AlertCommand = EvaluateAlerts;
export type AlertEvent = AnalyticsEvent;

export function decideAlerts(command: AlertCommand, state: AlertsState): AlertEvent[] {
  switch (command.type) {
    case 'EvaluateAlerts': {
      const { assistantId, ownerId, at } = command;
      const events: AlertEvent[] = [];
      const now = new Map(command.breaches.map((b) => [b.metric, b]));
      for (const open of Object.values(state.open)) {
        if (!open || !command.measured.includes(open.metric)) continue;
        const breach = now.get(open.metric);
        if (breach && breach.severity === open.severity) continue;
        events.push({
          type: 'AlertClosed',
          data: {
            assistantId,
            ownerId,
            metric: open.metric,
            severity: open.severity,
            value: command.values[open.metric] ?? null,
            openedAt: open.openedAt,
            closedAt: at,
          },
        });
      }
      for (const breach of command.breaches) {
        const open = state.open[breach.metric];
        if (open && open.severity === breach.severity) continue;
        events.push({
          type: 'AlertOpened',
          data: {
            assistantId,
            ownerId,
            metric: breach.metric,
            severity: breach.severity,
            message: breach.message,
            value: breach.value,
            threshold: breach.threshold,
            openedAt: at,
          },
        });
      }
      return events;
    }
    default: {
      const never: never = command.type;
      throw new Error(`Unknown command ${String(never)}`);
    }
  }
}

export function evolveAlerts(state: AlertsState, event: AlertEvent): AlertsState {
  switch (event.type) {
    case 'AlertOpened': {
      const d = event.data;
      const alert: OpenAlert = {
        metric: d.metric,
        severity: d.severity,
        message: d.message,
        value: d.value,
        threshold: d.threshold,
        openedAt: d.openedAt,
      };
      return { assistantId: d.assistantId, ownerId: d.ownerId, open: { ...state.open, [d.metric]: alert } };
    }
    case 'AlertClosed': {
      const open = { ...state.open };
      delete open[event.data.metric];
      return { assistantId: event.data.assistantId, ownerId: event.data.ownerId, open };
    }
    default: {
      const never: never = event;
      return never;
    }
  }
}
