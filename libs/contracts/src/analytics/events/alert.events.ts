import { z } from 'zod';
import type { EventContractMap } from '../../common/event-contracts';

// The analytics service's own events: an alert opens when a health component crosses its threshold and closes
// when it recovers. Streams are `alert-<assistantId>`, one per assistant, holding every alert of it.

const id = z.string().min(1);
const time = z.iso.datetime();
const metric = z.enum(['latency', 'errorRate', 'satisfaction', 'usageTrend', 'deploymentStability']);
const severity = z.enum(['info', 'warning', 'critical']);

export const alertEventContractMap = {
  AlertOpened: {
    schemaVersion: 1,
    schema: z.strictObject({
      assistantId: id,
      ownerId: id.nullable(),
      metric,
      severity,
      message: z.string(),
      value: z.number().meta({ description: 'The measured value that crossed the threshold' }),
      threshold: z.number(),
      openedAt: time,
    }),
  },
  AlertClosed: {
    schemaVersion: 1,
    schema: z.strictObject({
      assistantId: id,
      ownerId: id.nullable(),
      metric,
      severity: severity.meta({ description: 'The severity it had while open' }),
      value: z.number().nullable().meta({ description: 'The value it recovered to (null: no data left to judge by)' }),
      openedAt: time,
      closedAt: time,
    }),
  },
} as const satisfies EventContractMap;
