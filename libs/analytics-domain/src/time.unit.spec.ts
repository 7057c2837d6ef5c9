import { bucketOf, hourKeyOf, bucketStarts, nextBucket, periodOf, previousPeriod } from './time';

const t = (iso: string) => Date.parse(iso);

describe('time buckets', () => {
  it('starts hours, days, Monday weeks and months in UTC', () => {
    const at = t('2026-03-04T15:42:10Z'); // a Wednesday
    expect(new Date(bucketOf(at, 'hour')).toISOString()).toBe('2026-03-04T15:00:00.000Z');
    expect(new Date(bucketOf(at, 'day')).toISOString()).toBe('2026-03-04T00:00:00.000Z');
    expect(new Date(bucketOf(at, 'week')).toISOString()).toBe('2026-03-02T00:00:00.000Z');
    expect(new Date(bucketOf(at, 'month')).toISOString()).toBe('2026-03-01T00:00:00.000Z');
    expect(new Date(nextBucket(t('2026-01-01T00:00:00Z'), 'month')).toISOString()).toBe('2026-02-01T00:00:00.000Z');
  });

  it('cuts the hour from a UTC timestamp, and parses any other', () => {
    expect(hourKeyOf('2026-03-04T15:42:10.123Z')).toBe('2026-03-04T15:00:00.000Z');
    expect(hourKeyOf('2026-03-04T15:42Z')).toBe('2026-03-04T15:00:00.000Z');
    expect(hourKeyOf('2026-03-04T15:42:10+02:00')).toBe('2026-03-04T13:00:00.000Z');
  });

  it('lists every bucket overlapping a period, and stops past a limit', () => {
    const days = bucketStarts(t('2026-03-01T12:00:00Z'), t('2026-03-04T00:00:00Z'), 'day');
    expect(days.map((d) => new Date(d).toISOString().slice(0, 10))).toEqual(['2026-03-01', '2026-03-02', '2026-03-03']);
    expect(bucketStarts(t('2026-01-01T00:00:00Z'), t('2027-01-01T00:00:00Z'), 'hour', 1000)).toHaveLength(1001);
  });

  it('defaults a period to the 30 days up to now, and compares it with the one before', () => {
    const now = t('2026-03-31T00:00:00Z');
    const p = periodOf({}, now);
    expect(p).toEqual({ from: t('2026-03-01T00:00:00Z'), to: now });
    expect(previousPeriod(p)).toEqual({ from: t('2026-01-30T00:00:00Z'), to: t('2026-03-01T00:00:00Z') });
  });
});
