import { Injectable } from '@nestjs/common';
import {
  assessHealth,
  bucketOf,
  bucketStarts,
  componentValues,
  figuresOf,
  healthConfigOf,
  hourOf,
  mergeBinsInto,
  percentiles,
  previousPeriod,
  round,
  sumActivity,
  trendsOf,
  type AssistantCatalogEntry,
  type ComponentName,
  type Granularity,
  type HealthAssessment,
  type HealthConfig,
  type HourlyActivity,
  type Period,
  type PeriodFigures,
} from '@platform/analytics-domain';
import type { AssistantHealthDto, AssistantMetricsDto, UsageBucketDto } from '@platform/contracts';
import { AnalyticsReader } from './analytics.reader';

const iso = (t: number) => new Date(t).toISOString();
const periodDto = (p: Period) => ({ from: iso(p.from), to: iso(p.to) });

/** Weights, targets and thresholds: the defaults, overridden by ANALYTICS_HEALTH_CONFIG (JSON). */
export function healthConfigFromEnv(env = process.env): HealthConfig {
  return healthConfigOf(env.ANALYTICS_HEALTH_CONFIG ? JSON.parse(env.ANALYTICS_HEALTH_CONFIG) : {});
}

export interface Assessed {
  metrics: AssistantMetricsDto;
  current: PeriodFigures;
  health: HealthAssessment;
}

/** Periods are read in whole hours: an hour counts when it starts inside the period. */
@Injectable()
export class AnalyticsCalculator {
  readonly config = healthConfigFromEnv();

  constructor(private readonly reader: AnalyticsReader) {}

  /** Metrics and health of each assistant over the period, from one read of the period and the one before. */
  async assess(assistants: readonly AssistantCatalogEntry[], period: Period): Promise<Map<string, Assessed>> {
    const ids = assistants.map((a) => a.assistantId);
    const before = previousPeriod(period);
    const [rows, active] = await Promise.all([
      this.reader.hourly(ids, before.from, period.to),
      this.reader.active(ids, period.to),
    ]);
    const byAssistant = new Map<string, { now: HourlyActivity[]; then: HourlyActivity[] }>(
      ids.map((id) => [id, { now: [], then: [] }]),
    );
    for (const r of rows) {
      const slot = byAssistant.get(r.assistantId)!;
      (Date.parse(r.hour) >= hourOf(period.from) ? slot.now : slot.then).push(r);
    }
    const out = new Map<string, Assessed>();
    for (const id of ids) {
      const slot = byAssistant.get(id)!;
      const current = figuresOf(sumActivity(slot.now));
      const previous = figuresOf(sumActivity(slot.then));
      const trends = trendsOf(current, previous);
      const metrics: AssistantMetricsDto = {
        assistantId: id,
        period: periodDto(period),
        conversations: { ...current.conversations, active: active.get(id) ?? 0 },
        messages: current.messages,
        tokens: current.tokens,
        responseTimeMs: current.responseTimeMs,
        errorRate: current.errorRate,
        satisfaction: current.satisfaction,
        deployments: current.deployments,
        reported: current.reported,
        trends,
      };
      out.set(id, { metrics, current, health: assessHealth(current, trends.messages.changePercent, this.config) });
    }
    return out;
  }

  async health(assistant: AssistantCatalogEntry, period: Period, now: number): Promise<AssistantHealthDto> {
    const [assessed, alerts] = await Promise.all([
      this.assess([assistant], period),
      this.reader.alerts([assistant.assistantId]),
    ]);
    const { health } = assessed.get(assistant.assistantId)!;
    const open = alerts.get(assistant.assistantId)?.open ?? {};
    return {
      assistantId: assistant.assistantId,
      period: periodDto(period),
      score: health.score,
      grade: health.grade,
      reason: health.reason,
      components: health.components,
      alerts: health.breaches.map((b) => ({
        severity: b.severity,
        metric: b.metric,
        message: b.message,
        value: b.value,
        threshold: b.threshold,
        // Since the alert opened; a breach the evaluator has not recorded yet is new as of now.
        since: open[b.metric]?.severity === b.severity ? open[b.metric]!.openedAt : iso(now),
      })),
      recommendations: health.recommendations,
      computedAt: iso(now),
    };
  }

  async usage(
    assistantId: string,
    period: Period,
    granularity: Granularity,
    buckets: number[],
  ): Promise<UsageBucketDto[]> {
    const rows = await this.reader.hourly([assistantId], hourOf(period.from), period.to);
    const grouped = new Map<number, HourlyActivity[]>(buckets.map((b) => [b, []]));
    for (const r of rows) grouped.get(bucketOf(Date.parse(r.hour), granularity))?.push(r);
    return buckets.map((b) => {
      const t = sumActivity(grouped.get(b)!);
      const m = t.messages;
      return {
        bucketStart: iso(b),
        conversations: t.conversationsStarted,
        messages: m.user + m.assistant + m.system + m.tool,
        tokens: t.tokensInput + t.tokensOutput,
        avgResponseTimeMs: t.responseTimeCount > 0 ? round(t.responseTimeMsSum / t.responseTimeCount) : null,
        p95ResponseTimeMs: percentiles(mergeBinsInto({}, t.latency)).p95,
        errors: t.errors,
        satisfaction: t.ratingCount > 0 ? round(t.ratingSum / t.ratingCount) : null,
      };
    });
  }

  static bucketsOf(period: Period, granularity: Granularity, limit: number): number[] {
    return bucketStarts(period.from, period.to, granularity, limit);
  }

  /** What the alert evaluator needs: the thresholds crossed now and which components could be judged. */
  static alertInputs(a: Assessed): {
    breaches: Assessed['health']['breaches'];
    measured: ComponentName[];
    values: Partial<Record<ComponentName, number>>;
  } {
    if (a.health.score === null) return { breaches: [], measured: [], values: {} };
    const values = componentValues(a.current, a.metrics.trends.messages.changePercent);
    const measured = (Object.keys(values) as ComponentName[]).filter((k) => values[k] !== null);
    return {
      breaches: a.health.breaches,
      measured,
      values: Object.fromEntries(measured.map((k) => [k, values[k]])) as Partial<Record<ComponentName, number>>,
    };
  }
}
