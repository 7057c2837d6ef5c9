import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { decideAlerts, initialAlertsState, periodOf } from '@platform/analytics-domain';
import { CommandRunner } from '@platform/service-kit';
import { AnalyticsCalculator } from '../queries/analytics.calculator';
import { AnalyticsReader } from '../queries/analytics.reader';
import { alertAggregate } from './alert.aggregate';

/**
 * Opens and closes alerts: every ANALYTICS_ALERT_INTERVAL_MS (default 5 s; 0 disables) it assesses the health
 * (last 30 days) of assistants whose activity changed since the last pass or that have open alerts, and runs the
 * Alert decider for each; AlertOpened and AlertClosed are appended to `alert-<assistantId>` and reach the bus
 * through the relay. Several instances may evaluate at once: the stream lock and the decider keep it single.
 */
@Injectable()
export class AlertEvaluator implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(AlertEvaluator.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private since = new Date(0);

  constructor(
    private readonly reader: AnalyticsReader,
    private readonly calc: AnalyticsCalculator,
    private readonly runner: CommandRunner,
  ) {}

  onApplicationBootstrap(): void {
    const every = Number(process.env.ANALYTICS_ALERT_INTERVAL_MS ?? 5_000);
    if (!(every > 0)) return;
    this.timer = setInterval(() => {
      if (this.running) return;
      this.running = this.evaluate()
        .then(() => undefined)
        .catch((err: unknown) => this.logger.warn(`Alert pass failed: ${String(err)}`))
        .finally(() => (this.running = undefined));
    }, every);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** One pass; answers how many alert events it appended. */
  async evaluate(now = Date.now()): Promise<number> {
    const started = new Date(now);
    const ids = await this.reader.changedSince(this.since);
    let appended = 0;
    for (let i = 0; i < ids.length; i += 100) {
      const entries = await this.reader.assistants(ids.slice(i, i + 100));
      const [assessed, alerts] = await Promise.all([
        this.calc.assess(entries, periodOf({}, now)),
        this.reader.alerts(entries.map((e) => e.assistantId)),
      ]);
      for (const entry of entries) {
        const inputs = AnalyticsCalculator.alertInputs(assessed.get(entry.assistantId)!);
        const command = {
          type: 'EvaluateAlerts' as const,
          assistantId: entry.assistantId,
          ownerId: entry.ownerId,
          ...inputs,
          at: new Date(now).toISOString(),
        };
        // Most passes change nothing: decide on the view first and take the stream lock only for a change.
        if (decideAlerts(command, alerts.get(entry.assistantId) ?? initialAlertsState).length === 0) continue;
        const meta = {
          actorId: 'system:analytics-alerts',
          correlationId: `alerts-${entry.assistantId}`,
          requestId: `alerts-${now}`,
        };
        const before = alerts.get(entry.assistantId);
        const after = await this.runner.execute(alertAggregate, entry.assistantId, meta, () => command);
        appended += Math.max(0, after.version - (before?.version ?? 0));
      }
    }
    this.since = started;
    return appended;
  }
}
