// Peer comparison: the same event-store workloads against our PostgresEventStore and Emmett's PostgreSQL event
// store (@event-driven-io/emmett-postgresql, a devDependency), on the same PostgreSQL, a pool of 40 each, every
// run in a fresh database of its own and a process of its own (lib/peer-worker.mjs). Rounds interleave the two
// stores, alternating which goes first; the figures are the medians over the rounds and the ratio is ours / peer.
//
//   BENCH_PEER_ROUNDS=3  BENCH_PEER_FEED_EVENTS=100000  BENCH_PEER_WORKLOADS=single,batch,feed,contended
import { fork } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { durationS, require, warmupS } from '../lib/env.mjs';
import { createBenchDatabase, onCleanup } from '../lib/isolation.mjs';
import { PEER_NAME, PEER_PACKAGE } from '../lib/peer-stores.mjs';
import { compareRuns, formatComparison } from '../lib/peer-report.mjs';

const ROUNDS = Number(process.env.BENCH_PEER_ROUNDS) || 3;
// As many events as the feed benchmark reads: the peer's read sorts its whole table per batch, so the ratio grows with
// the table (about 4× at 5,000 events, 6× at 50,000, 10× at 100,000): a small table flatters the peer.
const FEED_EVENTS = Number(process.env.BENCH_PEER_FEED_EVENTS) || 100_000;
const POOL_SIZE = 40;
const RUN_DEADLINE_MS = 600_000; // one store, one workload, in one child process
const WORKER = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../lib/peer-worker.mjs');

/** The workloads, in the order a round runs them; `figure` picks the compared number from a run's result. */
const WORKLOADS = [
  {
    key: 'single',
    label: '32 writers, 1 event per append',
    worker: 'append',
    options: { writers: 32, perAppend: 1 },
    figure: (r) => r.eventsPerS,
    latency: (r) => r.latencyMs,
    unit: 'events/s',
    minRatio: 1.5,
    minRate: 3000,
  },
  {
    key: 'batch',
    label: '8 writers, 100 events per append',
    worker: 'append',
    options: { writers: 8, perAppend: 100 },
    figure: (r) => r.eventsPerS,
    latency: (r) => r.latencyMs,
    unit: 'events/s',
    minRatio: 1.2,
  },
  {
    key: 'feed',
    label: `ordered feed, batches of 1,000 over ${FEED_EVENTS.toLocaleString('en')} events`,
    worker: 'feed',
    options: { events: FEED_EVENTS, batch: 1000 },
    figure: (r) => r.eventsPerS,
    latency: (r) => r.batchLatencyMs,
    unit: 'events/s',
    minRatio: 10,
    exact: true,
  },
  {
    key: 'contended',
    label: '16 writers on one stream, read + retry on conflict',
    worker: 'contended',
    options: { writers: 16 },
    figure: (r) => r.appendsPerS,
    latency: (r) => r.latencyMs,
    unit: 'appends/s',
    minRatio: 1.5,
  },
];

function selectedWorkloads() {
  const raw = process.env.BENCH_PEER_WORKLOADS;
  if (!raw) return WORKLOADS;
  const keys = raw.split(',').map((k) => k.trim());
  const unknown = keys.filter((k) => !WORKLOADS.some((w) => w.key === k));
  if (unknown.length > 0) throw new Error(`BENCH_PEER_WORKLOADS: unknown ${unknown.join(', ')}`);
  return WORKLOADS.filter((w) => keys.includes(w.key));
}

function peerVersion() {
  try {
    const main = require.resolve(PEER_PACKAGE);
    return JSON.parse(readFileSync(path.join(path.dirname(main), '..', 'package.json'), 'utf8')).version;
  } catch {
    throw new Error(`${PEER_PACKAGE} is not installed: run "npm ci" (it is a devDependency)`);
  }
}

/** One store, one workload: a fresh database, a child process, the figures; the database is dropped after. */
async function runOnce(store, workload, timing) {
  const db = await createBenchDatabase(`peer_${store}`);
  try {
    const args = {
      store,
      url: db.url,
      poolSize: POOL_SIZE,
      workload: workload.worker,
      options: { ...workload.options, ...timing },
    };
    const child = fork(WORKER, [JSON.stringify(args)], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    onCleanup(`stop peer worker ${child.pid}`, () => child.exitCode === null && child.kill('SIGKILL'));
    return await new Promise((resolve, reject) => {
      const deadline = setTimeout(() => {
        child.kill('SIGKILL');
        reject(new Error(`${store} ${workload.key}: no result within ${RUN_DEADLINE_MS / 1000} s`));
      }, RUN_DEADLINE_MS);
      let answer;
      child.on('message', (message) => (answer = message));
      child.on('close', (code, signal) => {
        clearTimeout(deadline);
        if (answer?.ok) resolve(answer.result);
        else reject(new Error(`${store} ${workload.key}: ${answer?.error ?? `worker exited (${signal ?? code})`}`));
      });
    });
  } finally {
    await db.drop();
  }
}

const describeRun = (workload, r) => {
  const latency = workload.latency(r);
  const extra = workload.exact
    ? `, read ${r.read}/${r.stored}, lost ${r.lost}, repeated ${r.repeated}, out of order ${r.outOfOrder}, pre-load ${r.preloadEventsPerS} events/s`
    : workload.key === 'contended'
      ? `, ${r.conflictsPerSuccess} conflicts per success`
      : '';
  return `${workload.figure(r).toLocaleString('en')} ${workload.unit}, p50 ${latency.median} ms, p99 ${latency.p99} ms${extra}`;
};

export const peerBenchmark = {
  name: 'peer',
  title: `Peer comparison: our event store vs ${PEER_NAME} (${PEER_PACKAGE}), ${ROUNDS} interleaved rounds`,
  async run({ log }) {
    const version = peerVersion();
    const workloads = selectedWorkloads();
    const timing = { warmS: warmupS(durationS()), measuredS: durationS() };
    log(
      `${PEER_PACKAGE} ${version}; pool ${POOL_SIZE} each, a fresh database and process per run; ` +
        `warm-up ${timing.warmS} s, then ${timing.measuredS} s measured (the feed reads ${FEED_EVENTS} events once)`,
    );
    const runs = Object.fromEntries(workloads.map((w) => [w.key, { ours: [], peer: [] }]));
    for (let round = 0; round < ROUNDS; round++) {
      const order = round % 2 === 0 ? ['ours', 'peer'] : ['peer', 'ours'];
      for (const workload of workloads) {
        for (const store of order) {
          const result = await runOnce(store, workload, timing);
          runs[workload.key][store].push(result);
          const who = store === 'ours' ? 'ours' : PEER_NAME;
          log(`round ${round + 1} ${workload.key} ${who}: ${describeRun(workload, result)}`);
        }
      }
    }

    const comparisons = workloads.map((w) => compareRuns(w, runs[w.key]));
    for (const line of formatComparison(comparisons, PEER_NAME).split('\n')) log(line);
    return {
      rows: comparisons.map((c) => c.row),
      details: {
        peer: { package: PEER_PACKAGE, version },
        rounds: ROUNDS,
        poolSize: POOL_SIZE,
        ...timing,
        workloads: Object.fromEntries(comparisons.map((c) => [c.key, c.details])),
      },
    };
  },
};
