// One measured HTTP load run with autocannon (in this process), its figures taken per response.
import { require } from './env.mjs';
import { round, summarize } from './stats.mjs';

const autocannon = require('autocannon');

/** One autocannon run; latencies are recorded per response (every status), not from autocannon's 2xx histogram. */
export async function measure(options) {
  const latencies = [];
  const statuses = {};
  const instance = autocannon(options);
  instance.on('response', (_client, status, _bytes, ms) => {
    latencies.push(ms);
    statuses[status] = (statuses[status] ?? 0) + 1;
  });
  const result = await instance;
  const responses = latencies.length;
  const non2xx = Object.entries(statuses).reduce((n, [status, count]) => (status.startsWith('2') ? n : n + count), 0);
  return {
    reqPerS: round(responses / result.duration, 0),
    responses,
    statuses,
    non2xx,
    errors: result.errors + result.timeouts + non2xx,
    timeouts: result.timeouts,
    latencyMs: summarize(latencies),
    autocannon: {
      p50: result.latency.p50,
      p99: result.latency.p99,
      mean: result.latency.average,
      durationS: result.duration,
    },
  };
}
