#!/usr/bin/env node
// Runs the platform's benchmarks one after the other and prints a table of figures against their targets;
// the same figures go to tools/bench/results/latest.json. Needs `npm run build` and the local PostgreSQL and
// NATS JetStream (`npm run bench` does both first).
//
//   node tools/bench/run.mjs [append] [feed] [relay] [gateway] [prompts] [conversations] [deployments] [analytics] [dashboard] [peer]
//                                   (default: all; "eventstore" = append + feed)
//   BENCH_DURATION_S=10             measured seconds per phase (gateway: 1.5×), warm-ups scale with it
//   BENCH_APPEND_WRITERS=32 BENCH_APPEND_POOL=40 BENCH_FEED_EVENTS=100000 BENCH_RELAY_RATE=200
//   BENCH_GATEWAY_CONNECTIONS=8,12,16,24,32,64 BENCH_GATEWAY_SCENARIOS=read,write
//   BENCH_PEER_ROUNDS=3 BENCH_PEER_FEED_EVENTS=100000  (peer: the event-store workloads against Emmett's)
//   BENCH_STRICT=1                  exit 1 when a target is missed (a failed benchmark always exits 1)
//   PG_ADMIN_URL, NATS_URL          servers on 127.0.0.1 only
//
// Each benchmark creates its own database (bench_<name>_<random>) and bus prefix, and removes both when it
// ends, also on failure or Ctrl-C.
import { analyticsBenchmark } from './benchmarks/analytics.mjs';
import { appendBenchmark } from './benchmarks/append.mjs';
import { conversationsBenchmark } from './benchmarks/conversations.mjs';
import { deploymentsBenchmark } from './benchmarks/deployments.mjs';
import { dashboardBenchmark } from './benchmarks/dashboard.mjs';
import { feedBenchmark } from './benchmarks/feed.mjs';
import { gatewayBenchmark } from './benchmarks/gateway.mjs';
import { peerBenchmark } from './benchmarks/peer.mjs';
import { promptsBenchmark } from './benchmarks/prompts.mjs';
import { relayBenchmark } from './benchmarks/relay.mjs';
import { durationS } from './lib/env.mjs';
import { runCleanups } from './lib/isolation.mjs';
import { describeMachine, describeProbe, formatTable, writeResults } from './lib/report.mjs';

const ALL = [
  appendBenchmark,
  feedBenchmark,
  relayBenchmark,
  gatewayBenchmark,
  promptsBenchmark,
  conversationsBenchmark,
  deploymentsBenchmark,
  dashboardBenchmark,
  analyticsBenchmark,
  peerBenchmark,
];
const ALIASES = { eventstore: ['append', 'feed'], 'event-store': ['append', 'feed'], store: ['append', 'feed'] };

function selected(args) {
  if (args.length === 0) return ALL;
  const names = new Set(args.flatMap((a) => ALIASES[a.toLowerCase()] ?? [a.toLowerCase()]));
  const unknown = [...names].filter((n) => !ALL.some((b) => b.name === n));
  if (unknown.length > 0) {
    console.error(
      `unknown benchmark(s): ${unknown.join(', ')}; choose from ${ALL.map((b) => b.name).join(', ')}, eventstore`,
    );
    process.exit(2);
  }
  return ALL.filter((b) => names.has(b.name));
}

let interrupted = false;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (interrupted) process.exit(130);
    interrupted = true;
    console.error(`\n${signal}: cleaning up (databases, streams, processes) ...`);
    void runCleanups().finally(() => process.exit(130));
  });
}

const benchmarks = selected(process.argv.slice(2));
durationS(); // fail early on a bad BENCH_DURATION_S
const machine = await describeMachine();
console.log(
  `bench: ${benchmarks.map((b) => b.name).join(', ')}; ${machine.cpus} cores, Node ${machine.node}, ` +
    `PostgreSQL ${machine.postgres.version ?? '?'}, nats-server ${machine.nats.version ?? '?'}; load average ${machine.loadAverage.join(' ')}`,
);
console.log(`machine probe: ${describeProbe(machine.probe)}`);

const results = [];
for (const benchmark of benchmarks) {
  if (interrupted) break;
  const log = (line) => console.log(`  [${benchmark.name}] ${line}`);
  console.log(`\n▶ ${benchmark.title}`);
  const started = Date.now();
  try {
    const { rows, details } = await benchmark.run({ log });
    results.push({ name: benchmark.name, title: benchmark.title, rows, details });
    for (const row of rows) {
      log(
        `${row.metric}: median ${row.median} ms, p99 ${row.p99} ms, ${row.throughput} ${row.unit} → ${row.met ? 'met' : 'NOT met'} (${row.target})`,
      );
    }
  } catch (err) {
    console.error(`  [${benchmark.name}] failed: ${err?.stack ?? err}`);
    results.push({ name: benchmark.name, title: benchmark.title, error: String(err?.message ?? err) });
  } finally {
    await runCleanups((line) => console.error(`  [${benchmark.name}] ${line}`));
    log(`done in ${Math.round((Date.now() - started) / 1000)} s`);
  }
}

console.log(`\n${formatTable(results)}\n`);
const file = writeResults({ finishedAt: new Date().toISOString(), durationS: durationS(), machine, results });
console.log(`figures written to ${file}`);

const failed = results.some((r) => r.error);
const missed = results.some((r) => r.rows?.some((row) => (row.headline ?? true) && !row.met));
process.exit(failed || (missed && process.env.BENCH_STRICT === '1') ? 1 : 0);
