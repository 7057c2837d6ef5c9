// The workloads of the peer comparison, written once against the interface of lib/peer-stores.mjs. Each one
// gets a store opened on a fresh database, warms up, measures for a fixed time (or a fixed amount of data for
// the feed) and checks afterwards that what was written landed exactly once.
import { startCpuSampler } from './cpu.mjs';
import { sleep } from './env.mjs';
import { benchEvent, benchStreamId } from './events.mjs';
import { round, summarize } from './stats.mjs';

const MAX_OPERATIONS = 5_000_000; // hard bound besides the clock
const MAX_FAILURES = 100; // errors other than a conflict before a workload gives up
const LOAD_DEADLINE_MS = 180_000;
const BARRIER_DEADLINE_MS = 60_000;
const READ_DEADLINE_MS = 300_000;

const eventsFor = (revision, count) =>
  Array.from({ length: count }, (_, k) =>
    benchEvent(revision + k === 0 ? 'BenchStarted' : 'BenchStepped', revision + k),
  );

/** Runs `step` on every writer until `seconds` have passed; step returns the events it committed (0 = none). */
async function timed(writers, seconds, step) {
  const end = performance.now() + seconds * 1000;
  let operations = 0;
  await Promise.all(
    writers.map(async (w) => {
      while (performance.now() < end && operations < MAX_OPERATIONS) {
        operations += 1;
        await step(w, end);
      }
    }),
  );
}

function failureCounter() {
  const counter = {
    count: 0,
    first: null,
    record(err) {
      counter.count += 1;
      counter.first ??= String(err?.message ?? err);
      if (counter.count > MAX_FAILURES) throw err;
    },
  };
  return counter;
}

async function countEvents(store) {
  const { rows } = await store.query(`SELECT count(*)::int AS n FROM ${store.table}`);
  return rows[0].n;
}

/**
 * `writers` writers, each on its own stream, each appending `perAppend` events at a time with the exact expected
 * revision. Figures: committed events/s and the latency of one append.
 */
export async function appendWorkload(store, { writers: count, perAppend, warmS, measuredS }) {
  const writers = Array.from({ length: count }, () => ({ streamId: benchStreamId(), revision: 0 }));
  const failures = failureCounter();
  let events = 0;
  const phase = (seconds, latencies) =>
    timed(writers, seconds, async (w) => {
      const started = performance.now();
      try {
        await store.append(w.streamId, eventsFor(w.revision, perAppend), w.revision);
      } catch (err) {
        failures.record(err);
        return;
      }
      latencies?.push(performance.now() - started);
      w.revision += perAppend;
      events += perAppend;
    });

  await phase(warmS);
  const warmEvents = events;
  const latencies = [];
  const cpu = startCpuSampler({ bench: process.pid });
  const started = performance.now();
  await phase(measuredS, latencies);
  const elapsedS = (performance.now() - started) / 1000;
  const cpuUse = cpu.stop();
  const stored = await countEvents(store);
  if (stored !== events) throw new Error(`appended ${events} events, found ${stored} stored`);
  return {
    eventsPerS: round((events - warmEvents) / elapsedS, 0),
    latencyMs: summarize(latencies),
    measuredS: round(elapsedS, 2),
    events: events - warmEvents,
    failures: failures.count,
    firstFailure: failures.first,
    cpu: cpuUse,
  };
}

/**
 * `writers` writers on ONE stream. Each attempt reads the current revision (only the events after the revision
 * the writer last knew of) and appends one event expecting it; on a conflict the writer reads again and retries.
 * Figures: successful appends/s, conflicts per success, and the latency from the first read to the success.
 */
export async function contendedWorkload(store, { writers: count, warmS, measuredS }) {
  const streamId = benchStreamId();
  const writers = Array.from({ length: count }, () => ({ known: 0 }));
  const failures = failureCounter();
  let successes = 0;
  let conflicts = 0;
  const phase = (seconds, latencies) =>
    timed(writers, seconds, async (w, end) => {
      const started = performance.now();
      while (performance.now() < end) {
        try {
          w.known = await store.revisionAfter(streamId, w.known);
          await store.append(streamId, eventsFor(w.known, 1), w.known);
        } catch (err) {
          if (store.isConflict(err)) conflicts += 1;
          else failures.record(err);
          continue;
        }
        w.known += 1;
        successes += 1;
        latencies?.push(performance.now() - started);
        return;
      }
    });

  await phase(warmS);
  const warm = { successes, conflicts };
  const latencies = [];
  const cpu = startCpuSampler({ bench: process.pid });
  const started = performance.now();
  await phase(measuredS, latencies);
  const elapsedS = (performance.now() - started) / 1000;
  const cpuUse = cpu.stop();
  const stored = await countEvents(store);
  const revision = await store.revisionAfter(streamId, 0);
  if (stored !== successes || revision !== successes) {
    throw new Error(
      `${successes} successful appends, but ${stored} events stored and the stream at revision ${revision}`,
    );
  }
  const measured = successes - warm.successes;
  return {
    appendsPerS: round(measured / elapsedS, 0),
    conflictsPerSuccess: round((conflicts - warm.conflicts) / Math.max(1, measured), 2),
    latencyMs: summarize(latencies),
    measuredS: round(elapsedS, 2),
    appends: measured,
    failures: failures.count,
    firstFailure: failures.first,
    cpu: cpuUse,
  };
}

/**
 * Loads `events` events (8 loaders, 100 per append), waits until every one is below the feed's transaction
 * barrier, vacuums and analyzes, then reads the whole feed from the start in batches of `batch` and checks the
 * result against the table: every event once, in the store's own feed order (transaction id, then position).
 */
export async function feedWorkload(store, { events: total, batch, loaders = 8, perAppend = 100 }) {
  const loadStarted = performance.now();
  const appends = Math.ceil(total / perAppend);
  let next = 0;
  await Promise.all(
    Array.from({ length: loaders }, async () => {
      while (next < appends) {
        if (performance.now() - loadStarted > LOAD_DEADLINE_MS) throw new Error('pre-load took too long');
        const count = Math.min(perAppend, total - next++ * perAppend);
        await store.append(benchStreamId(), eventsFor(0, count), 0);
      }
    }),
  );
  const loadS = (performance.now() - loadStarted) / 1000;

  // Both stores show only transactions older than every running one on the server: wait until that barrier
  // has passed the load, so the timed read is not a wait for someone else's transaction.
  const barrierStarted = performance.now();
  for (;;) {
    const { rows } = await store.query(
      `SELECT max(transaction_id) < pg_snapshot_xmin(pg_current_snapshot()) AS visible FROM ${store.table}`,
    );
    if (rows[0].visible) break;
    if (performance.now() - barrierStarted > BARRIER_DEADLINE_MS) {
      throw new Error('a long transaction elsewhere on the server holds the feed barrier back; retry later');
    }
    await sleep(50);
  }
  await store.query(`VACUUM ANALYZE ${store.table}`);

  // Warm-up: the first few batches, untimed.
  let from = store.feedStart;
  for (let i = 0; i < 5; i++) from = (await store.readFeed(from, batch)).next;

  const ids = [];
  const latencies = [];
  let complete = false;
  from = store.feedStart;
  const maxBatches = 2 * Math.ceil(total / batch) + 10;
  const cpu = startCpuSampler({ bench: process.pid });
  const started = performance.now();
  for (let i = 0; i < maxBatches && performance.now() - started < READ_DEADLINE_MS; i++) {
    const t0 = performance.now();
    const result = await store.readFeed(from, batch);
    latencies.push(performance.now() - t0);
    if (result.done) {
      complete = true;
      break;
    }
    for (const id of result.ids) ids.push(id);
    from = result.next;
  }
  const elapsedS = (performance.now() - started) / 1000;
  const cpuUse = cpu.stop();
  return {
    eventsPerS: round(ids.length / elapsedS, 0),
    batchLatencyMs: summarize(latencies),
    readS: round(elapsedS, 3),
    preloadS: round(loadS, 1),
    preloadEventsPerS: round(total / loadS, 0),
    complete,
    cpu: cpuUse,
    ...(await checkFeed(store, ids)),
  };
}

/** What the read delivered against what the table holds, in the order the store promises. */
async function checkFeed(store, ids) {
  const order = await store.feedOrder();
  const seen = new Set();
  let repeated = 0;
  let unknown = 0;
  let outOfOrder = 0;
  let last = null;
  for (const id of ids) {
    const key = order.get(id);
    if (!key) unknown += 1;
    else if (seen.has(id)) repeated += 1;
    else seen.add(id);
    if (key && last && (key[0] < last[0] || (key[0] === last[0] && key[1] <= last[1]))) outOfOrder += 1;
    if (key) last = key;
  }
  const lost = order.size - seen.size;
  return {
    stored: order.size,
    read: ids.length,
    lost,
    repeated,
    unknown,
    outOfOrder,
    exact: lost === 0 && repeated === 0 && unknown === 0 && outOfOrder === 0,
  };
}
