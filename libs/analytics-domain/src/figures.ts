import { mergeBinsInto, percentiles, type Percentiles } from './latency';
import { emptyHourlyActivity, type HourlyActivity } from './projections/activity';

/** Everything a period's figures are computed from: hourly rows summed (bins merged). */
export type ActivityTotals = Omit<HourlyActivity, 'assistantId' | 'hour'>;

export function sumActivity(rows: readonly HourlyActivity[]): ActivityTotals {
  // The zeros of an empty hour, fresh objects each time: the sums below add into them.
  const { assistantId: _assistantId, hour: _hour, ...t } = emptyHourlyActivity('', '');
  for (const r of rows) {
    t.conversationsStarted += r.conversationsStarted;
    t.conversationsEnded += r.conversationsEnded;
    t.conversationsTimedOut += r.conversationsTimedOut;
    for (const role of ['user', 'assistant', 'system', 'tool'] as const) t.messages[role] += r.messages[role];
    t.tokensInput += r.tokensInput;
    t.tokensOutput += r.tokensOutput;
    t.responseTimeMsSum += r.responseTimeMsSum;
    t.responseTimeCount += r.responseTimeCount;
    mergeBinsInto(t.latency, r.latency);
    t.errors += r.errors;
    t.ratingSum += r.ratingSum;
    t.ratingCount += r.ratingCount;
    t.deployments += r.deployments;
    t.deploymentsFailed += r.deploymentsFailed;
    t.rollbacks += r.rollbacks;
    t.promotions += r.promotions;
    t.reported.conversations += r.reported.conversations;
    t.reported.messages += r.reported.messages;
    t.reported.tokens += r.reported.tokens;
  }
  return t;
}

export const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

/** The figures of a period as the metrics endpoint reports them. */
export interface PeriodFigures {
  conversations: { started: number; ended: number; timedOut: number };
  messages: { total: number; byRole: { user: number; assistant: number; system: number; tool: number } };
  tokens: { input: number; output: number; total: number };
  responseTimeMs: { avg: number | null } & Percentiles;
  /** Failed replies over assistant replies (0 without replies). */
  errorRate: number;
  satisfaction: { average: number | null; count: number };
  deployments: { total: number; failed: number; rollbacks: number; promotions: number };
  reported: { conversations: number; messages: number; tokens: number };
}

export function figuresOf(t: ActivityTotals): PeriodFigures {
  const total = t.messages.user + t.messages.assistant + t.messages.system + t.messages.tool;
  return {
    conversations: { started: t.conversationsStarted, ended: t.conversationsEnded, timedOut: t.conversationsTimedOut },
    messages: { total, byRole: { ...t.messages } },
    tokens: { input: t.tokensInput, output: t.tokensOutput, total: t.tokensInput + t.tokensOutput },
    responseTimeMs: {
      avg: t.responseTimeCount > 0 ? round(t.responseTimeMsSum / t.responseTimeCount) : null,
      ...percentiles(t.latency),
    },
    errorRate: t.messages.assistant > 0 ? round(t.errors / t.messages.assistant, 4) : 0,
    satisfaction: { average: t.ratingCount > 0 ? round(t.ratingSum / t.ratingCount) : null, count: t.ratingCount },
    deployments: {
      total: t.deployments,
      failed: t.deploymentsFailed,
      rollbacks: t.rollbacks,
      promotions: t.promotions,
    },
    reported: { ...t.reported },
  };
}

export type TrendDirection = 'up' | 'down' | 'stable';
export interface Trend {
  direction: TrendDirection;
  /** Change from the period before, in percent; null when the period before had nothing to compare with. */
  changePercent: number | null;
}

/** Within ±5 % (inclusive) a figure is stable. */
export const STABLE_WITHIN_PERCENT = 5;

/** How `current` compares with `previous`: up, down, or stable within ±5 %. */
export function trendOf(current: number | null, previous: number | null): Trend {
  if (current === null || previous === null) return { direction: 'stable', changePercent: null };
  if (previous === 0) {
    return current === 0 ? { direction: 'stable', changePercent: 0 } : { direction: 'up', changePercent: null };
  }
  const change = ((current - previous) / Math.abs(previous)) * 100;
  const direction = Math.abs(change) <= STABLE_WITHIN_PERCENT ? 'stable' : change > 0 ? 'up' : 'down';
  return { direction, changePercent: round(change) };
}

/** The trends the metrics endpoint reports, each comparing the period with the one before it. */
export function trendsOf(current: PeriodFigures, previous: PeriodFigures) {
  return {
    conversations: trendOf(current.conversations.started, previous.conversations.started),
    messages: trendOf(current.messages.total, previous.messages.total),
    tokens: trendOf(current.tokens.total, previous.tokens.total),
    responseTime: trendOf(current.responseTimeMs.avg, previous.responseTimeMs.avg),
    errorRate: trendOf(current.errorRate, previous.errorRate),
    satisfaction: trendOf(current.satisfaction.average, previous.satisfaction.average),
  };
}
export type Trends = ReturnType<typeof trendsOf>;
