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

/**
 * Runs one HTTP scenario at each connection count (warm-up, then a measured run with CPU sampling) and returns
 * the table rows and trials. The headline ("best") is the highest rate whose p99 meets the bound with no
 * error, else the lowest p99. `afterTrial` may add figures to a trial (and returns text for the log line).
 */
export async function runScenario({
  platform,
  headers,
  scenario,
  requests,
  connectionCounts,
  measuredS,
  warmS,
  log,
  afterTrial,
}) {
  const { startCpuSampler, describeCpu } = await import('./cpu.mjs');
  const trials = [];
  for (const connections of connectionCounts) {
    const base = { url: platform.baseUrl, connections, headers, requests };
    await autocannon({ ...base, duration: warmS });
    const cpu = startCpuSampler({ bench: process.pid, ...platform.pids });
    const trial = await measure({ ...base, duration: measuredS });
    trial.cpu = cpu.stop();
    trial.connections = connections;
    trial.meetsBound = trial.errors === 0 && trial.latencyMs.p99 <= scenario.maxP99;
    const extra = afterTrial ? await afterTrial(trial) : '';
    trials.push(trial);
    log(
      `${scenario.key} c=${connections}: ${trial.reqPerS} req/s, p50 ${trial.latencyMs.median} ms, p99 ${trial.latencyMs.p99} ms, ` +
        `non-2xx ${trial.non2xx}, errors ${trial.errors}${extra}; cpu: ${describeCpu(trial.cpu)}`,
    );
  }
  const best =
    trials.filter((t) => t.meetsBound).sort((a, b) => b.reqPerS - a.reqPerS)[0] ??
    [...trials].sort((a, b) => a.latencyMs.p99 - b.latencyMs.p99)[0];
  const rateTarget = scenario.minRate ? `≥ ${scenario.minRate} req/s at ` : '';
  const rows = trials.map((t) => ({
    metric: `${scenario.label} c=${t.connections}${t === best ? ' (best)' : ''}`,
    median: t.latencyMs.median,
    p99: t.latencyMs.p99,
    throughput: t.reqPerS,
    unit: 'req/s',
    target: `${rateTarget}p99 ≤ ${scenario.maxP99} ms, 0 non-2xx`,
    met: t.meetsBound && t.reqPerS >= (scenario.minRate ?? 0),
    headline: t === best,
    non2xx: t.non2xx,
  }));
  return {
    rows,
    details: { scenario: scenario.key, endpoint: scenario.label, bestConnections: best.connections, trials },
  };
}

/** `workers` closed loops calling `request(i)` until the deadline; latencies of the measured part only. */
export async function closedLoop(workers, seconds, warmS, request) {
  const samples = [];
  let failures = 0;
  const warmEnd = Date.now() + warmS * 1000;
  const end = warmEnd + seconds * 1000;
  await Promise.all(
    Array.from({ length: workers }, async (_, i) => {
      while (Date.now() < end) {
        const t0 = performance.now();
        const ok = await request(i).catch(() => false);
        const t1 = performance.now();
        if (Date.now() < warmEnd || Date.now() > end) continue;
        if (ok) samples.push(t1 - t0);
        else failures++;
      }
    }),
  );
  return { latency: summarize(samples), perS: Math.round(samples.length / seconds), failures };
}

/**
 * Open loop: requests scheduled at a fixed total `rate` per second, request k at start + k / rate, going to lane
 * k % lanes (a lane is one conversation, say). A lane has one request in flight at most: a request whose lane is
 * still busy at its scheduled time waits for it, and is counted as `queued`. Latency runs from the scheduled time,
 * so waiting (for the lane, for the platform) is never hidden (no coordinated omission). Requests scheduled in the
 * warm-up are sent but not counted; after the last one is scheduled every request still in flight is waited for
 * (at most `drainS`), and one that never answers counts as failed: every request is accounted for. The warm-up's
 * answers are summarised apart, second by second (`warmUp`): how a platform fares before it is warm is shown, not
 * mixed into the measured figures.
 */
export async function openLoop({ rate, lanes, seconds, warmS, drainS = 30, request, onMeasuredStart }) {
  const samples = [];
  const warmSamples = [];
  let failures = 0;
  let queued = 0;
  let scheduledMeasured = 0;
  const pending = new Array(lanes).fill(0);
  const tails = new Array(lanes).fill(Promise.resolve());
  const inFlight = new Set();
  const total = Math.round(rate * (warmS + seconds));
  const warmCount = Math.round(rate * warmS);
  const started = performance.now();
  let maxLagMs = 0;
  let measuredStarted = null;
  let lastAnswer = null;
  for (let k = 0; k < total; k++) {
    const at = started + (k * 1000) / rate;
    const wait = at - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    maxLagMs = Math.max(maxLagMs, performance.now() - at);
    const measured = k >= warmCount;
    if (measured && measuredStarted === null) {
      measuredStarted = performance.now();
      onMeasuredStart?.();
    }
    if (measured) scheduledMeasured++;
    const lane = k % lanes;
    if (pending[lane] > 0 && measured) queued++;
    pending[lane]++;
    const run = tails[lane].then(async () => {
      const ok = await request(lane, k).catch(() => false);
      pending[lane]--;
      if (!measured) {
        warmSamples.push([Math.floor((at - started) / 1000), ok ? performance.now() - at : null]);
        return;
      }
      lastAnswer = performance.now();
      if (ok) samples.push(lastAnswer - at);
      else failures++;
    });
    tails[lane] = run;
    inFlight.add(run);
    run.finally(() => inFlight.delete(run));
  }
  const scheduledEnd = performance.now();
  const drained = await Promise.race([
    Promise.all([...inFlight]).then(() => true),
    new Promise((resolve) => setTimeout(() => resolve(false), drainS * 1000).unref()),
  ]);
  const unanswered = scheduledMeasured - samples.length - failures;
  return {
    rate,
    lanes,
    scheduled: scheduledMeasured,
    answered: samples.length,
    failures: failures + unanswered,
    unanswered,
    queued,
    drained,
    // Answers per second from the first measured send to the last answer: a backlog drained late lowers it.
    perS: Math.round(samples.length / Math.max(seconds, ((lastAnswer ?? 0) - (measuredStarted ?? 0)) / 1000)),
    scheduledForS: round((scheduledEnd - started) / 1000 - warmS),
    schedulerMaxLagMs: round(maxLagMs),
    latency: summarize(samples),
    warmUp: Array.from({ length: Math.ceil(warmS) }, (_, second) => {
      const answers = warmSamples.filter(([s]) => s === second).map(([, ms]) => ms);
      const answered = answers.filter((ms) => ms !== null);
      return { ...summarize(answered), failed: answers.length - answered.length };
    }),
  };
}
