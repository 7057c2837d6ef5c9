import { addSample, mergeBinsInto, percentiles, type LatencyBins } from './latency';

describe('response-time bins', () => {
  it('give percentiles within 1 % of the exact ones, without keeping samples', () => {
    let bins: LatencyBins = {};
    for (let ms = 1; ms <= 1000; ms++) bins = addSample(bins, ms);
    const p = percentiles(bins);
    expect(p.p50! / 500).toBeCloseTo(1, 1);
    expect(p.p95! / 950).toBeCloseTo(1, 1);
    expect(p.p99! / 990).toBeCloseTo(1, 1);
    expect(Object.keys(bins).length).toBeLessThan(400);
  });

  it('merge by adding counts, as if the samples had been one set', () => {
    let a: LatencyBins = {};
    let b: LatencyBins = {};
    for (let i = 0; i < 90; i++) a = addSample(a, 100);
    for (let i = 0; i < 10; i++) b = addSample(b, 0);
    const merged = mergeBinsInto(mergeBinsInto({}, a), b);
    expect(percentiles(merged).p50).toBeCloseTo(100, -1);
    expect(percentiles(merged).p50).not.toBe(0);
    expect(percentiles({})).toEqual({ p50: null, p95: null, p99: null });
  });
});
