// Time buckets of the analytics read models: events are counted per hour (UTC); days, weeks (starting Monday)
// and months are rolled up from the hours when read.

export type Granularity = 'hour' | 'day' | 'week' | 'month';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const UTC_ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?Z$/;

/**
 * The start of the hour an instant falls in, as ISO 8601: cut from a UTC ISO string (what the events carry) without
 * parsing a date, which replays do for every event.
 */
export const hourKeyOf = (at: string): string =>
  UTC_ISO.test(at) ? `${at.slice(0, 13)}:00:00.000Z` : new Date(hourOf(at)).toISOString();

/** The start of the hour an instant falls in, as epoch milliseconds. */
export const hourOf = (at: string | number): number => Math.floor(new Date(at).getTime() / HOUR) * HOUR;

/** The start of the bucket of `granularity` that an instant falls in (UTC; weeks start on Monday). */
export function bucketOf(at: number, granularity: Granularity): number {
  const d = new Date(at);
  switch (granularity) {
    case 'hour':
      return Math.floor(at / HOUR) * HOUR;
    case 'day':
      return Math.floor(at / DAY) * DAY;
    case 'week': {
      const day = Math.floor(at / DAY) * DAY;
      return day - ((new Date(day).getUTCDay() + 6) % 7) * DAY;
    }
    case 'month':
      return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
    default:
      return exhaustive(granularity);
  }
}

/** The bucket after the one starting at `start`. */
export function nextBucket(start: number, granularity: Granularity): number {
  switch (granularity) {
    case 'hour':
      return start + HOUR;
    case 'day':
      return start + DAY;
    case 'week':
      return start + 7 * DAY;
    case 'month': {
      const d = new Date(start);
      return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
    }
    default:
      return exhaustive(granularity);
  }
}

/** Starts of every bucket that overlaps [from, to), in order; stops counting past `limit` (returns limit + 1). */
export function bucketStarts(from: number, to: number, granularity: Granularity, limit = Infinity): number[] {
  const out: number[] = [];
  for (let b = bucketOf(from, granularity); b < to; b = nextBucket(b, granularity)) {
    out.push(b);
    if (out.length > limit) break;
  }
  return out;
}

/** A period and the one of equal length just before it, which trends compare it with. */
export interface Period {
  from: number;
  to: number;
}

export const previousPeriod = ({ from, to }: Period): Period => ({ from: from - (to - from), to: from });

/** `from`/`to` default to the 30 days up to now. */
export function periodOf(query: { from?: string; to?: string }, now: number): Period {
  const to = query.to ? new Date(query.to).getTime() : now;
  const from = query.from ? new Date(query.from).getTime() : to - 30 * DAY;
  return { from, to };
}

function exhaustive(value: never): never {
  throw new Error(`Unexpected granularity ${String(value)}`);
}
