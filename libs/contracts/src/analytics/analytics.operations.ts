import { defineOperation, idParams } from '../common/operation';
import { AnalyticsPatterns as P } from './analytics.patterns';
import {
  analyticsLagSchema,
  analyticsSummarySchema,
  assistantHealthSchema,
  assistantMetricsSchema,
  comparisonSchema,
  usageSeriesSchema,
} from './analytics.responses';
import { compareSchema, periodQuerySchema, usageQuerySchema } from './analytics.schemas';

const id = idParams('id');

/** Metrics, usage series, comparison, health and summary of assistants, and how far behind the bus they are. */
export const AnalyticsOperations = {
  metrics: defineOperation({
    pattern: P.metrics,
    params: id,
    query: periodQuerySchema,
    response: assistantMetricsSchema,
  }),
  usage: defineOperation({ pattern: P.usage, params: id, query: usageQuerySchema, response: usageSeriesSchema }),
  compare: defineOperation({ pattern: P.compare, body: compareSchema, response: comparisonSchema }),
  health: defineOperation({ pattern: P.health, params: id, query: periodQuerySchema, response: assistantHealthSchema }),
  summary: defineOperation({ pattern: P.summary, query: periodQuerySchema, response: analyticsSummarySchema }),
  lag: defineOperation({ pattern: P.lag, response: analyticsLagSchema }),
};
