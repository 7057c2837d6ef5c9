// Event store appends: N concurrent writers, each on its own stream, each appending one event per transaction
// with an exact expected revision, for a fixed time after a warm-up. Reports committed events/s and the
// latency of append() (BEGIN … COMMIT, one fsync per commit unless commits are grouped by PostgreSQL).
import { dist, durationS, warmupS } from '../lib/env.mjs';
import { benchEvent, benchStreamId } from '../lib/events.mjs';
import { createBenchDatabase, onCleanup } from '../lib/isolation.mjs';
import { startCpuSampler } from '../lib/cpu.mjs';
import { round, summarize } from '../lib/stats.mjs';

const WRITERS = Number(process.env.BENCH_APPEND_WRITERS) || 32;
const POOL_SIZE = Number(process.env.BENCH_APPEND_POOL) || 40;
const TARGET_EVENTS_PER_S = 3000;
const MAX_APPENDS = 5_000_000; // hard bound besides the clock

export const appendBenchmark = {
  name: 'append',
  title: `Event store appends (${WRITERS} writers, single-event appends)`,
  async run({ log }) {
    const { PostgresEventStore } = dist('libs/event-store/src/index.js');
    const db = await createBenchDatabase('append');
    // As the services run it: no NOTIFY (it serialises commits server-wide); readers wake in-process or poll.
    const store = await PostgresEventStore.connect({
      connectionString: db.url,
      schema: 'bench',
      poolSize: POOL_SIZE,
      notify: false,
    });
    onCleanup('close event store', () => store.close());

    const writers = Array.from({ length: WRITERS }, () => ({ streamId: benchStreamId(), revision: 0 }));
    let appends = 0;
    let failures = 0;
    const phase = async (seconds, latencies) => {
      const end = performance.now() + seconds * 1000;
      let firstError;
      await Promise.all(
        writers.map(async (w) => {
          while (performance.now() < end && appends < MAX_APPENDS) {
            const started = performance.now();
            try {
              await store.append(
                w.streamId,
                [benchEvent(w.revision === 0 ? 'BenchStarted' : 'BenchStepped', w.revision)],
                {
                  expectedRevision: w.revision === 0 ? 'no_stream' : w.revision,
                },
              );
            } catch (err) {
              failures += 1;
              firstError ??= err;
              if (failures > 100) throw err;
              continue;
            }
            const finished = performance.now();
            w.revision += 1;
            appends += 1;
            latencies?.push(finished - started);
          }
        }),
      );
      return firstError;
    };

    const warm = warmupS(durationS());
    log(`warm-up ${warm} s, then ${durationS()} s measured, ${WRITERS} writers, pool ${POOL_SIZE}`);
    await phase(warm);
    const warmAppends = appends;
    const latencies = [];
    const cpu = startCpuSampler({ bench: process.pid });
    const started = performance.now();
    const firstError = await phase(durationS(), latencies);
    const elapsedS = (performance.now() - started) / 1000;
    const cpuUse = cpu.stop();
    const measured = appends - warmAppends;

    // Every append must have landed exactly once: the streams' revisions add up to the count.
    const { rows } = await store.pool.query('SELECT count(*)::int AS n FROM bench.events');
    if (rows[0].n !== appends) throw new Error(`expected ${appends} stored events, found ${rows[0].n}`);

    const latency = summarize(latencies);
    const throughput = round(measured / elapsedS, 0);
    return {
      rows: [
        {
          metric: 'append latency; committed events/s',
          median: latency.median,
          p99: latency.p99,
          throughput,
          unit: 'events/s',
          target: `≥ ${TARGET_EVENTS_PER_S.toLocaleString('en')} events/s`,
          met: throughput >= TARGET_EVENTS_PER_S,
        },
      ],
      details: {
        writers: WRITERS,
        poolSize: POOL_SIZE,
        warmupS: warm,
        measuredS: round(elapsedS, 2),
        events: measured,
        failures,
        firstError: firstError ? String(firstError.message ?? firstError) : null,
        latencyMs: latency,
        cpu: cpuUse,
      },
    };
  },
};
