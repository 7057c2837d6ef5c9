import { AnalyticsOperations as A } from '@platform/contracts';
import { route } from '../http/route-table';

const tag = 'analytics';
const permission = 'analytics:read' as const;

/** REST routes of analytics: reads of projections of the event stream (eventually consistent: see /analytics/lag). */
export const analyticsRoutes = [
  route({
    id: 'getAssistantMetrics',
    permission,
    method: 'GET',
    path: '/assistants/:id/metrics',
    operation: A.metrics,
    tag,
    summary: 'Usage, speed and quality of an assistant over a period, with trends against the period before',
  }),
  route({
    id: 'getAssistantUsage',
    permission,
    method: 'GET',
    path: '/assistants/:id/usage',
    operation: A.usage,
    tag,
    summary: 'Usage series of an assistant by hour, day, week or month (at most 1,000 buckets)',
  }),
  route({
    id: 'compareAssistants',
    permission,
    method: 'POST',
    path: '/assistants/compare',
    operation: A.compare,
    tag,
    summary: 'Compare 2 to 10 assistants: metrics, health, rank and the best per metric',
    description:
      'An assistant the caller cannot see, or that analytics does not know yet, is a 422 naming `assistantIds`.',
    errors: [422],
    status: 200,
  }),
  route({
    id: 'getAssistantHealth',
    permission,
    method: 'GET',
    path: '/assistants/:id/health',
    operation: A.health,
    tag,
    summary: 'Health score and grade of an assistant, its components, alerts and recommendations',
  }),
  route({
    id: 'getAnalyticsSummary',
    permission,
    method: 'GET',
    path: '/assistants/summary',
    operation: A.summary,
    tag,
    summary: "Across the caller's assistants: counts, usage, health, top assistants and open alerts",
  }),
  route({
    id: 'getAnalyticsLag',
    permission,
    method: 'GET',
    path: '/analytics/lag',
    operation: A.lag,
    tag,
    summary: 'How far analytics is behind the event stream (events and seconds)',
  }),
];
