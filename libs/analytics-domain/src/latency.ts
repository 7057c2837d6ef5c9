import { DDSketch } from '@datadog/sketches-js';

// Response times are kept as DDSketch bins (relative accuracy 1 %): a plain `{ key: count }` record per bucket,
// so a bucket stays JSON and two buckets merge by adding counts. Quantiles come from a DDSketch filled with the
// merged bins at read time; raw samples are never kept or sorted.

export const RELATIVE_ACCURACY = 0.01;
export type LatencyBins = Readonly<Record<string, number>>;

const mapping = new DDSketch({ relativeAccuracy: RELATIVE_ACCURACY }).mapping;
/** Values too small for the log mapping (0 ms) are counted under this key. */
const ZERO = 'z';

const keyOf = (ms: number) => (ms < mapping.minPossible ? ZERO : String(mapping.key(ms)));

/** The bins with one more sample. */
export function addSample(bins: LatencyBins, ms: number): LatencyBins {
  return addSampleInto({ ...bins }, ms);
}

/** Counts one more sample in `into`, in place (a fold that owns its bins). */
export function addSampleInto(into: Record<string, number>, ms: number): Record<string, number> {
  const key = keyOf(ms);
  into[key] = (into[key] ?? 0) + 1;
  return into;
}

/** Merges bins into `into` in place (read-side accumulation). */
export function mergeBinsInto(into: Record<string, number>, bins: LatencyBins): Record<string, number> {
  for (const [k, n] of Object.entries(bins)) into[k] = (into[k] ?? 0) + n;
  return into;
}

export interface Percentiles {
  p50: number | null;
  p95: number | null;
  p99: number | null;
}

/** p50, p95 and p99 of the samples the bins hold (null without samples), within the sketch's accuracy. */
export function percentiles(bins: LatencyBins): Percentiles {
  const sketch = new DDSketch({ relativeAccuracy: RELATIVE_ACCURACY });
  for (const [k, n] of Object.entries(bins)) if (n > 0) sketch.accept(k === ZERO ? 0 : mapping.value(Number(k)), n);
  if (sketch.count === 0) return { p50: null, p95: null, p99: null };
  const q = (p: number) => Math.round(sketch.getValueAtQuantile(p) * 100) / 100;
  return { p50: q(0.5), p95: q(0.95), p99: q(0.99) };
}
