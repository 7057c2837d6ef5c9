// Request/reply subjects of the analytics service (prefixed on the wire by the messaging lib).
export const AnalyticsPatterns = {
  metrics: 'analytics.assistants.metrics',
  usage: 'analytics.assistants.usage',
  compare: 'analytics.assistants.compare',
  health: 'analytics.assistants.health',
  summary: 'analytics.assistants.summary',
  lag: 'analytics.lag',
} as const;

/** Streams of the analytics service's alerts: `alert-<assistantId>`. */
export const ALERT_STREAM_CATEGORY = 'alert';
