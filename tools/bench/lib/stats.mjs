// Exact order statistics over every recorded sample (a 10 s run records at most a few hundred thousand).

/** Nearest-rank percentile of an ascending array, p in [0, 100]. */
export function percentile(sorted, p) {
  if (sorted.length === 0) return null;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

/** Latency summary in ms: count, median, p90, p99, max. */
export function summarize(samples) {
  const sorted = Float64Array.from(samples).sort();
  return {
    count: sorted.length,
    median: round(percentile(sorted, 50)),
    p90: round(percentile(sorted, 90)),
    p99: round(percentile(sorted, 99)),
    max: round(sorted[sorted.length - 1] ?? null),
  };
}

export const round = (value, digits = 2) =>
  value === null || value === undefined ? null : Number(value.toFixed(digits));
