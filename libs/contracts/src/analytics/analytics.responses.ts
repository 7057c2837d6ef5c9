import { z } from 'zod';

const time = z.iso.datetime({ offset: true });
const count = z.number().int().min(0);
const ms = z.number().min(0).nullable();
const grade = z.enum(['A', 'B', 'C', 'D', 'F']);
const metric = z.enum(['latency', 'errorRate', 'satisfaction', 'usageTrend', 'deploymentStability']);
const severity = z.enum(['info', 'warning', 'critical']);

export const periodSchema = z
  .strictObject({ from: time.meta({ description: 'Inclusive' }), to: time.meta({ description: 'Exclusive' }) })
  .meta({ id: 'AnalyticsPeriod' });

export const trendSchema = z
  .strictObject({
    direction: z.enum(['up', 'down', 'stable']).meta({ description: 'Stable within ±5 %' }),
    changePercent: z.number().nullable().meta({ description: 'Against the period before (null: nothing to compare)' }),
  })
  .meta({ id: 'Trend' });

const byRole = z.strictObject({ user: count, assistant: count, system: count, tool: count });

export const assistantMetricsSchema = z
  .strictObject({
    assistantId: z.string(),
    period: periodSchema,
    conversations: z.strictObject({
      started: count,
      ended: count,
      timedOut: count.meta({ description: 'Of the ended, those that ended by idling' }),
      active: count.meta({ description: 'Started and not ended at the end of the period' }),
    }),
    messages: z.strictObject({ total: count, byRole }),
    tokens: z.strictObject({ input: count, output: count, total: count }),
    responseTimeMs: z
      .strictObject({ avg: ms, p50: ms, p95: ms, p99: ms })
      .meta({ description: 'Of assistant replies; percentiles from a DDSketch (1 % relative accuracy)' }),
    errorRate: z.number().min(0).meta({ description: 'Failed replies over assistant replies' }),
    satisfaction: z.strictObject({ average: z.number().nullable(), count }),
    deployments: z.strictObject({ total: count, failed: count, rollbacks: count, promotions: count }),
    reported: z
      .strictObject({ conversations: z.number(), messages: z.number(), tokens: z.number() })
      .meta({ description: 'Usage reported through POST /assistants/{id}/usage, apart from observed usage' }),
    trends: z.strictObject({
      conversations: trendSchema,
      messages: trendSchema,
      tokens: trendSchema,
      responseTime: trendSchema,
      errorRate: trendSchema,
      satisfaction: trendSchema,
    }),
  })
  .meta({ id: 'AssistantMetrics' });

export const usageBucketSchema = z
  .strictObject({
    bucketStart: time,
    conversations: count,
    messages: count,
    tokens: count,
    avgResponseTimeMs: ms,
    p95ResponseTimeMs: ms,
    errors: count,
    satisfaction: z.number().nullable().meta({ description: 'Average rating given in the bucket' }),
  })
  .meta({ id: 'UsageBucket' });

export const usageSeriesSchema = z
  .strictObject({
    assistantId: z.string(),
    granularity: z.enum(['hour', 'day', 'week', 'month']),
    period: periodSchema,
    data: z.array(usageBucketSchema).meta({ description: 'Every bucket of the period in order, empty ones as zeros' }),
  })
  .meta({ id: 'UsageSeries' });

export const healthComponentSchema = z
  .strictObject({
    name: metric,
    score: z.number().min(0).max(100),
    weight: z.number().min(0),
    value: z.number(),
    target: z.number(),
  })
  .meta({ id: 'HealthComponent' });

export const healthAlertSchema = z
  .strictObject({
    severity,
    metric,
    message: z.string(),
    value: z.number(),
    threshold: z.number(),
    since: time.meta({ description: 'When the alert opened' }),
  })
  .meta({ id: 'HealthAlert' });

export const assistantHealthSchema = z
  .strictObject({
    assistantId: z.string(),
    period: periodSchema,
    score: z.number().min(0).max(100).nullable(),
    grade: grade.nullable().meta({ description: 'A ≥ 90, B ≥ 80, C ≥ 70, D ≥ 60, else F; null without a score' }),
    reason: z.string().nullable().meta({ description: 'Why there is no score (too little data)' }),
    components: z.array(healthComponentSchema),
    alerts: z.array(healthAlertSchema),
    recommendations: z.array(z.strictObject({ component: metric, message: z.string() })),
    computedAt: time,
  })
  .meta({ id: 'AssistantHealth' });

export const comparisonSchema = z
  .strictObject({
    period: periodSchema,
    data: z.array(
      z.strictObject({
        assistantId: z.string(),
        metrics: assistantMetricsSchema,
        health: z.strictObject({ score: z.number().nullable(), grade: grade.nullable() }),
        rank: z.number().int().min(1).meta({ description: 'By health score, then messages' }),
      }),
    ),
    best: z
      .strictObject({
        health: z.string().nullable(),
        conversations: z.string().nullable(),
        messages: z.string().nullable(),
        responseTime: z.string().nullable().meta({ description: 'Lowest p95' }),
        errorRate: z.string().nullable().meta({ description: 'Lowest, among assistants with replies' }),
        satisfaction: z.string().nullable(),
      })
      .meta({ description: 'The best assistant id per metric (null when none has data)' }),
  })
  .meta({ id: 'AssistantComparison' });

export const analyticsSummarySchema = z
  .strictObject({
    period: periodSchema,
    assistants: z.strictObject({
      total: count,
      byStatus: z.record(z.string(), count),
      byType: z.record(z.string(), count),
    }),
    conversations: z.strictObject({ started: count, ended: count, active: count }),
    messages: z.strictObject({ total: count, byRole }),
    tokens: z.strictObject({ input: count, output: count, total: count }),
    health: z.strictObject({
      averageScore: z.number().nullable().meta({ description: 'Over assistants with a score' }),
      grades: z.strictObject({ A: count, B: count, C: count, D: count, F: count, ungraded: count }),
    }),
    topAssistants: z.array(
      z.strictObject({
        assistantId: z.string(),
        name: z.string(),
        messages: count,
        score: z.number().nullable(),
        grade: grade.nullable(),
      }),
    ),
    openAlerts: z.array(
      z.strictObject({
        assistantId: z.string(),
        severity,
        metric,
        message: z.string(),
        value: z.number(),
        threshold: z.number(),
        since: time,
      }),
    ),
  })
  .meta({ id: 'AnalyticsSummary' });

export const analyticsLagSchema = z
  .strictObject({
    consumer: z.string(),
    events: count.meta({ description: 'Events in the stream not yet applied to the read models' }),
    seconds: z.number().min(0).meta({ description: 'Age of the oldest event not yet applied (0 when caught up)' }),
    streamHead: count.meta({ description: 'Sequence of the newest event in the stream' }),
    measuredAt: time,
  })
  .meta({ id: 'AnalyticsLag' });

export type AssistantMetricsDto = z.output<typeof assistantMetricsSchema>;
export type UsageSeriesDto = z.output<typeof usageSeriesSchema>;
export type UsageBucketDto = z.output<typeof usageBucketSchema>;
export type AssistantHealthDto = z.output<typeof assistantHealthSchema>;
export type AssistantComparisonDto = z.output<typeof comparisonSchema>;
export type AnalyticsSummaryDto = z.output<typeof analyticsSummarySchema>;
export type AnalyticsLagDto = z.output<typeof analyticsLagSchema>;
