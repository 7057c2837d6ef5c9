// Ordered-feed read rate: bulk-loads events with multi-event appends, waits until the feed's transaction-id
// barrier has passed all of them, vacuums and analyzes the table (as autovacuum would have done on a settled
// store, and so that it does not start during the measurement), then reads the whole feed from the start with
// readAll in batches, checking that every event comes exactly once and in feed order.
import { dist, sleep } from '../lib/env.mjs';
import { benchEvent, benchStreamId } from '../lib/events.mjs';
import { createBenchDatabase, onCleanup } from '../lib/isolation.mjs';
import { startCpuSampler } from '../lib/cpu.mjs';
import { round, summarize } from '../lib/stats.mjs';

const EVENTS = Number(process.env.BENCH_FEED_EVENTS) || 100_000;
const PER_APPEND = 100;
const LOADERS = 8;
const BATCHES = [1000, 5000];
const TARGET_EVENTS_PER_S = 50_000;
const LOAD_DEADLINE_MS = 180_000;
const BARRIER_DEADLINE_MS = 60_000;

export const feedBenchmark = {
  name: 'feed',
  title: `Ordered feed read (readAll over ${EVENTS.toLocaleString('en')} events)`,
  async run({ log }) {
    const { PostgresEventStore, FEED_START } = dist('libs/event-store/src/index.js');
    const db = await createBenchDatabase('feed');
    const store = await PostgresEventStore.connect({
      connectionString: db.url,
      schema: 'bench',
      poolSize: LOADERS + 2,
    });
    onCleanup('close event store', () => store.close());

    const loadStarted = performance.now();
    const appends = Math.ceil(EVENTS / PER_APPEND);
    let next = 0;
    await Promise.all(
      Array.from({ length: LOADERS }, async () => {
        while (next < appends) {
          if (performance.now() - loadStarted > LOAD_DEADLINE_MS) throw new Error('pre-load took too long');
          const i = next++;
          const count = Math.min(PER_APPEND, EVENTS - i * PER_APPEND);
          const events = Array.from({ length: count }, (_, k) =>
            benchEvent(k === 0 ? 'BenchStarted' : 'BenchStepped', k),
          );
          await store.append(benchStreamId(), events, { expectedRevision: 'no_stream' });
        }
      }),
    );
    const loadS = (performance.now() - loadStarted) / 1000;
    log(
      `pre-loaded ${EVENTS} events in ${loadS.toFixed(1)} s (${Math.round(EVENTS / loadS)} events/s, ${PER_APPEND} per append)`,
    );

    // The feed shows only transactions older than every running one on the server (any database): wait until
    // that barrier has passed the load, so the timed read is not a wait for someone else's transaction.
    const barrierStarted = performance.now();
    for (;;) {
      const { rows } = await store.pool.query(
        'SELECT max(transaction_id) < pg_snapshot_xmin(pg_current_snapshot()) AS visible FROM bench.events',
      );
      if (rows[0].visible) break;
      if (performance.now() - barrierStarted > BARRIER_DEADLINE_MS) {
        throw new Error('a long transaction elsewhere on the server holds the feed barrier back; retry later');
      }
      await sleep(50);
    }

    await store.pool.query('VACUUM ANALYZE bench.events');

    const rows = [];
    const details = { events: EVENTS, preloadS: round(loadS, 1), perAppend: PER_APPEND, passes: [] };
    for (const batch of BATCHES) {
      const latencies = [];
      let from = FEED_START;
      let read = 0;
      let outOfOrder = 0;
      let last = [-1n, -1];
      const cpu = startCpuSampler({ bench: process.pid });
      const started = performance.now();
      for (let i = 0; i < Math.ceil(EVENTS / batch) + 2; i++) {
        const t0 = performance.now();
        const { events, next: after } = await store.readAll(from, batch);
        latencies.push(performance.now() - t0);
        if (events.length === 0) break;
        for (const e of events) {
          const key = [BigInt(e.transactionId), e.position];
          if (key[0] < last[0] || (key[0] === last[0] && key[1] <= last[1])) outOfOrder += 1;
          last = key;
        }
        read += events.length;
        from = after;
      }
      const elapsedS = (performance.now() - started) / 1000;
      const cpuUse = cpu.stop();
      if (read !== EVENTS) throw new Error(`read ${read} events from the feed, expected ${EVENTS}`);
      if (outOfOrder > 0) throw new Error(`${outOfOrder} events came out of (transaction id, position) order`);
      const throughput = round(read / elapsedS, 0);
      const latency = summarize(latencies);
      log(`batch ${batch}: ${throughput} events/s`);
      rows.push({
        metric: `readAll batch ${batch} (latency per batch)`,
        median: latency.median,
        p99: latency.p99,
        throughput,
        unit: 'events/s',
        target: `≥ ${TARGET_EVENTS_PER_S.toLocaleString('en')} events/s`,
        met: throughput >= TARGET_EVENTS_PER_S,
      });
      details.passes.push({
        batch,
        seconds: round(elapsedS, 3),
        eventsPerS: throughput,
        batchLatencyMs: latency,
        cpu: cpuUse,
      });
    }
    return { rows, details };
  },
};
