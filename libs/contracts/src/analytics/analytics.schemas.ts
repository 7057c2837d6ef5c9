import { z } from 'zod';

const time = z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date-time' });

/** A period: `from` (inclusive) to `to` (exclusive); the 30 days up to now by default. */
export const periodQuerySchema = z
  .strictObject({
    from: time.optional().meta({ description: 'Start (inclusive); default 30 days before `to`' }),
    to: time.optional().meta({ description: 'End (exclusive); default now' }),
  })
  .refine((q) => !q.from || !q.to || new Date(q.from) < new Date(q.to), {
    message: 'must be before to',
    path: ['from'],
  });

export const usageQuerySchema = z
  .strictObject({
    granularity: z
      .enum(['hour', 'day', 'week', 'month'])
      .default('day')
      .meta({ description: 'Bucket size (UTC; weeks start on Monday); at most 1,000 buckets' }),
    from: time.optional().meta({ description: 'Start (inclusive); default 30 days before `to`' }),
    to: time.optional().meta({ description: 'End (exclusive); default now' }),
  })
  .refine((q) => !q.from || !q.to || new Date(q.from) < new Date(q.to), {
    message: 'must be before to',
    path: ['from'],
  });

export const compareSchema = z
  .strictObject({
    assistantIds: z
      .array(z.uuid({ message: 'must be a UUID' }))
      .min(2)
      .max(10)
      .refine((ids) => new Set(ids).size === ids.length, { message: 'must not repeat an id' }),
    from: time.optional(),
    to: time.optional(),
  })
  .refine((q) => !q.from || !q.to || new Date(q.from) < new Date(q.to), {
    message: 'must be before to',
    path: ['from'],
  })
  .meta({ id: 'CompareAssistants' });

/** Most buckets a usage series answers; more is a 400. */
export const MAX_USAGE_BUCKETS = 1_000;

export type PeriodQuery = z.output<typeof periodQuerySchema>;
export type UsageQuery = z.output<typeof usageQuerySchema>;
export type CompareInput = z.output<typeof compareSchema>;
