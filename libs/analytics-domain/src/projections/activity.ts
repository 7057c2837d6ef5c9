import type { LatencyBins } from '../latency';

/** What happened to one assistant in one hour (UTC): the unit every period, series and score is summed from. */
export interface HourlyActivity {
  assistantId: string;
  /** Start of the hour, ISO 8601. */
  hour: string;
  conversationsStarted: number;
  conversationsEnded: number;
  conversationsTimedOut: number;
  messages: { user: number; assistant: number; system: number; tool: number };
  tokensInput: number;
  tokensOutput: number;
  responseTimeMsSum: number;
  responseTimeCount: number;
  latency: LatencyBins;
  errors: number;
  /** Sum and count of the ratings given in the hour (a changed rating replaces the one before). */
  ratingSum: number;
  ratingCount: number;
  deployments: number;
  deploymentsFailed: number;
  rollbacks: number;
  promotions: number;
  /** Usage reported through the assistants API (POST /assistants/{id}/usage), kept apart from observed usage. */
  reported: { conversations: number; messages: number; tokens: number };
}

export const emptyHourlyActivity = (assistantId: string, hour: string): HourlyActivity => ({
  assistantId,
  hour,
  conversationsStarted: 0,
  conversationsEnded: 0,
  conversationsTimedOut: 0,
  messages: { user: 0, assistant: 0, system: 0, tool: 0 },
  tokensInput: 0,
  tokensOutput: 0,
  responseTimeMsSum: 0,
  responseTimeCount: 0,
  latency: {},
  errors: 0,
  ratingSum: 0,
  ratingCount: 0,
  deployments: 0,
  deploymentsFailed: 0,
  rollbacks: 0,
  promotions: 0,
  reported: { conversations: 0, messages: 0, tokens: 0 },
});

/** The row an event lands in: its assistant and the hour it happened. */
export interface ActivityKey {
  assistantId: string;
  hour: string;
}

/** A copy of an hour's activity sharing nothing with it, for a fold that changes its own copy in place. */
export const cloneHourlyActivity = (d: HourlyActivity): HourlyActivity => ({
  ...d,
  messages: { ...d.messages },
  latency: { ...d.latency },
  reported: { ...d.reported },
});
