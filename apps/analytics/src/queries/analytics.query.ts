import { Controller } from '@nestjs/common';
import { periodOf, type AssistantCatalogEntry, type Grade } from '@platform/analytics-domain';
import {
  AnalyticsOperations as Ops,
  canSee,
  InvalidInputError,
  MAX_USAGE_BUCKETS,
  ownerScope,
  type AnalyticsLagDto,
  type AnalyticsSummaryDto,
  type AssistantComparisonDto,
  type AssistantHealthDto,
  type AssistantMetricsDto,
  type OperationInput,
  type RequestMeta,
  type UsageSeriesDto,
} from '@platform/contracts';
import { RpcOperation } from '@platform/service-kit';
import { LagProbe } from '../lag/lag-probe';
import { AnalyticsCalculator, type Assessed } from './analytics.calculator';
import { AnalyticsAssistantNotFoundError, UnknownComparedAssistantsError } from './analytics.errors';
import { AnalyticsReader } from './analytics.reader';

const iso = (t: number) => new Date(t).toISOString();

/** The analytics endpoints: reads of the projections only; a viewer or editor with an owner sees its owner's. */
@Controller()
export class AnalyticsQuery {
  constructor(
    private readonly reader: AnalyticsReader,
    private readonly calc: AnalyticsCalculator,
    private readonly lagProbe: LagProbe,
  ) {}

  private async visible(id: string, meta: RequestMeta): Promise<AssistantCatalogEntry> {
    const [entry] = await this.reader.assistants([id]);
    if (!entry || !canSee(meta ?? {}, entry.ownerId)) throw new AnalyticsAssistantNotFoundError(id);
    return entry;
  }

  @RpcOperation(Ops.metrics)
  async metrics(
    { params, query }: OperationInput<typeof Ops.metrics>,
    meta: RequestMeta,
  ): Promise<AssistantMetricsDto> {
    const entry = await this.visible(params.id, meta);
    return (await this.calc.assess([entry], periodOf(query, Date.now()))).get(entry.assistantId)!.metrics;
  }

  @RpcOperation(Ops.usage)
  async usage({ params, query }: OperationInput<typeof Ops.usage>, meta: RequestMeta): Promise<UsageSeriesDto> {
    const period = periodOf(query, Date.now());
    const buckets = AnalyticsCalculator.bucketsOf(period, query.granularity, MAX_USAGE_BUCKETS);
    if (buckets.length > MAX_USAGE_BUCKETS) {
      throw new InvalidInputError([
        {
          field: 'granularity',
          message: `the period has more than ${MAX_USAGE_BUCKETS} buckets of a ${query.granularity}`,
        },
      ]);
    }
    const entry = await this.visible(params.id, meta);
    const data = await this.calc.usage(entry.assistantId, period, query.granularity, buckets);
    return {
      assistantId: entry.assistantId,
      granularity: query.granularity,
      period: { from: iso(period.from), to: iso(period.to) },
      data,
    };
  }

  @RpcOperation(Ops.health)
  async health({ params, query }: OperationInput<typeof Ops.health>, meta: RequestMeta): Promise<AssistantHealthDto> {
    const entry = await this.visible(params.id, meta);
    const now = Date.now();
    return this.calc.health(entry, periodOf(query, now), now);
  }

  @RpcOperation(Ops.compare)
  async compare({ body }: OperationInput<typeof Ops.compare>, meta: RequestMeta): Promise<AssistantComparisonDto> {
    const period = periodOf(body, Date.now());
    const found = await this.reader.assistants(body.assistantIds);
    const entries = found.filter((e) => canSee(meta ?? {}, e.ownerId));
    const unknown = body.assistantIds.filter((id) => !entries.some((e) => e.assistantId === id));
    if (unknown.length > 0) throw new UnknownComparedAssistantsError(unknown);
    const assessed = await this.calc.assess(entries, period);
    const all = body.assistantIds.map((id) => assessed.get(id)!);
    const ranked = [...all].sort(
      (a, b) => (b.health.score ?? -1) - (a.health.score ?? -1) || b.metrics.messages.total - a.metrics.messages.total,
    );
    const best = (value: (a: Assessed) => number | null, lowest = false): string | null => {
      const candidates = all.filter((a) => value(a) !== null);
      if (candidates.length === 0) return null;
      const pick = candidates.reduce((x, y) => ((lowest ? value(y)! < value(x)! : value(y)! > value(x)!) ? y : x));
      return pick.metrics.assistantId;
    };
    return {
      period: { from: iso(period.from), to: iso(period.to) },
      data: all.map((a) => ({
        assistantId: a.metrics.assistantId,
        metrics: a.metrics,
        health: { score: a.health.score, grade: a.health.grade },
        rank: ranked.indexOf(a) + 1,
      })),
      best: {
        health: best((a) => a.health.score),
        conversations: best((a) => a.metrics.conversations.started),
        messages: best((a) => a.metrics.messages.total),
        responseTime: best((a) => a.metrics.responseTimeMs.p95, true),
        errorRate: best((a) => (a.metrics.messages.byRole.assistant > 0 ? a.metrics.errorRate : null), true),
        satisfaction: best((a) => a.metrics.satisfaction.average),
      },
    };
  }

  @RpcOperation(Ops.summary)
  async summary({ query }: OperationInput<typeof Ops.summary>, meta: RequestMeta): Promise<AnalyticsSummaryDto> {
    const period = periodOf(query, Date.now());
    const entries = await this.reader.assistantsOf(ownerScope(meta ?? {}));
    const [assessed, alerts] = await Promise.all([
      this.calc.assess(entries, period),
      this.reader.alerts(entries.map((e) => e.assistantId)),
    ]);
    const count = <K extends string>(keys: K[]) =>
      keys.reduce<Record<string, number>>((m, k) => ({ ...m, [k]: (m[k] ?? 0) + 1 }), {});
    const grades: Record<Grade | 'ungraded', number> = { A: 0, B: 0, C: 0, D: 0, F: 0, ungraded: 0 };
    const totals = {
      started: 0,
      ended: 0,
      active: 0,
      input: 0,
      output: 0,
      byRole: { user: 0, assistant: 0, system: 0, tool: 0 },
    };
    const scores: number[] = [];
    for (const a of assessed.values()) {
      const m = a.metrics;
      totals.started += m.conversations.started;
      totals.ended += m.conversations.ended;
      totals.active += m.conversations.active;
      totals.input += m.tokens.input;
      totals.output += m.tokens.output;
      for (const role of ['user', 'assistant', 'system', 'tool'] as const)
        totals.byRole[role] += m.messages.byRole[role];
      grades[a.health.grade ?? 'ungraded'] += 1;
      if (a.health.score !== null) scores.push(a.health.score);
    }
    const names = new Map(entries.map((e) => [e.assistantId, e.name]));
    const top = [...assessed.values()]
      .filter((a) => a.metrics.messages.total > 0)
      .sort((a, b) => b.metrics.messages.total - a.metrics.messages.total)
      .slice(0, 5);
    return {
      period: { from: iso(period.from), to: iso(period.to) },
      assistants: {
        total: entries.length,
        byStatus: count(entries.map((e) => e.status)),
        byType: count(entries.map((e) => e.type)),
      },
      conversations: { started: totals.started, ended: totals.ended, active: totals.active },
      messages: { total: Object.values(totals.byRole).reduce((x, y) => x + y, 0), byRole: totals.byRole },
      tokens: { input: totals.input, output: totals.output, total: totals.input + totals.output },
      health: {
        averageScore:
          scores.length > 0 ? Math.round((scores.reduce((x, y) => x + y, 0) / scores.length) * 10) / 10 : null,
        grades,
      },
      topAssistants: top.map((a) => ({
        assistantId: a.metrics.assistantId,
        name: names.get(a.metrics.assistantId) ?? '',
        messages: a.metrics.messages.total,
        score: a.health.score,
        grade: a.health.grade,
      })),
      openAlerts: [...alerts.values()].flatMap((doc) =>
        Object.values(doc.open).map((o) => ({
          assistantId: doc.assistantId,
          severity: o!.severity,
          metric: o!.metric,
          message: o!.message,
          value: o!.value,
          threshold: o!.threshold,
          since: o!.openedAt,
        })),
      ),
    };
  }

  @RpcOperation(Ops.lag)
  lag(): Promise<AnalyticsLagDto> {
    return this.lagProbe.measure();
  }
}
