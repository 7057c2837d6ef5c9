// Relay latency: an EventRelay (in this process, as the assistants service hosts it) publishes the store's
// ordered feed to JetStream; an ordered JetStream consumer on its own NATS connection receives the events.
// Events are appended at a steady rate; for each, the time from append() resolving (commit acknowledged) to
// the consumer receiving it (matched by event id) is recorded.
import { dist, durationS, natsUrl, require, sleep, warmupS } from '../lib/env.mjs';
import { benchEvent, benchStreamId } from '../lib/events.mjs';
import { createBenchBus, createBenchDatabase, onCleanup } from '../lib/isolation.mjs';
import { startCpuSampler } from '../lib/cpu.mjs';
import { round, summarize } from '../lib/stats.mjs';

const RATE = Number(process.env.BENCH_RELAY_RATE) || 200; // events/s
const STREAMS = 50; // aggregate streams written round-robin (each append waits for that stream's previous one)
const TARGET_P99_MS = 100;
const DRAIN_DEADLINE_MS = 30_000;
const quiet = { log: () => undefined, warn: () => undefined, error: () => undefined };

export const relayBenchmark = {
  name: 'relay',
  title: `Relay: commit → JetStream delivery (${RATE} events/s)`,
  async run({ log }) {
    natsUrl();
    const { PostgresEventStore } = dist('libs/event-store/src/index.js');
    const messaging = dist('libs/messaging/src/index.js');
    const { connect } = require('nats');
    const db = await createBenchDatabase('relay');
    const bus = createBenchBus('relay');
    const store = await PostgresEventStore.connect({
      connectionString: db.url,
      schema: 'bench',
      poolSize: 10,
      notify: false,
    });
    onCleanup('close event store', () => store.close());

    const relayNats = await messaging.connectNats({ name: 'bench-relay' });
    onCleanup('close relay NATS connection', () => relayNats.close());
    const consumerNats = await connect({ servers: natsUrl(), name: 'bench-relay-consumer' });
    onCleanup('close consumer NATS connection', () => consumerNats.close());

    const streamName = messaging.eventStreamName(bus.prefix);
    await messaging.ensureEventStream(await consumerNats.jetstreamManager(), { prefix: bus.prefix });
    const relay = new messaging.EventRelay({
      store,
      pool: store.pool,
      schema: 'bench',
      nats: relayNats,
      prefix: bus.prefix,
      lingerMs: messaging.relayLingerMs(), // as the services' relays gather commits (RELAY_LINGER_MS)
      logger: quiet,
    });
    relay.start();
    onCleanup('stop relay', () => relay.stop());

    const committedAt = new Map();
    const receivedAt = new Map();
    let duplicates = 0;
    let firstArrival;
    const arrived = new Promise((resolve) => (firstArrival = resolve));
    const consumer = await consumerNats.jetstream().consumers.get(streamName); // ordered, ephemeral
    const messages = await consumer.consume();
    onCleanup('stop consumer', () => messages.close());
    void (async () => {
      for await (const m of messages) {
        const now = performance.now();
        const id = m.headers?.get('Nats-Msg-Id') || messaging.decodeBusEvent(m.data).id;
        if (receivedAt.has(id)) duplicates += 1;
        else receivedAt.set(id, now);
        firstArrival();
      }
    })().catch((err) => log(`consumer stopped: ${err.message}`));

    // Open loop: the k-th append starts at k / RATE seconds whatever the latency of the earlier ones.
    const streams = Array.from({ length: STREAMS }, () => ({
      id: benchStreamId(),
      revision: 0,
      tail: Promise.resolve(),
    }));
    let failures = 0;
    const appendOne = (k, measured) => {
      const s = streams[k % STREAMS];
      s.tail = s.tail.then(async () => {
        const event = benchEvent(s.revision === 0 ? 'BenchStarted' : 'BenchStepped', s.revision);
        try {
          await store.append(s.id, [event], { expectedRevision: s.revision === 0 ? 'no_stream' : s.revision });
        } catch {
          failures += 1;
          return;
        }
        if (measured) committedAt.set(event.id, performance.now());
        s.revision += 1;
      });
    };
    const phase = async (seconds, measured) => {
      const total = Math.round(seconds * RATE);
      const start = performance.now();
      for (let k = 0; k < total; k++) {
        const due = start + (k * 1000) / RATE;
        const wait = due - performance.now();
        if (wait > 1) await sleep(wait);
        appendOne(k, measured);
      }
      await Promise.all(streams.map((s) => s.tail));
    };

    // The feed shows only transactions older than every running one on the whole server, so a write transaction
    // in another database holds the relay back: sample them while measuring, to tell that apart from the relay.
    const probe = await barrierProbe(db.url);
    onCleanup('stop barrier probe', () => probe.stop());

    const warm = warmupS(durationS());
    log(`warm-up ${warm} s, then ${durationS()} s measured at ${RATE} events/s`);
    await phase(warm, false);
    await Promise.race([arrived, sleep(DRAIN_DEADLINE_MS)]);
    const cpu = startCpuSampler({ bench: process.pid });
    probe.start();
    const started = performance.now();
    await phase(durationS(), true);
    const appendS = (performance.now() - started) / 1000;
    const deadline = performance.now() + DRAIN_DEADLINE_MS;
    while ([...committedAt.keys()].some((id) => !receivedAt.has(id)) && performance.now() < deadline) await sleep(20);
    const cpuUse = cpu.stop();
    const barrier = await probe.stop();
    log(
      `write transactions of other databases open in ${barrier.samplesWithOne} of ${barrier.samples} samples, ` +
        `oldest ${barrier.oldestMs} ms`,
    );

    const latencies = [];
    let missing = 0;
    let beforeCommitAck = 0;
    for (const [id, t] of committedAt) {
      const r = receivedAt.get(id);
      if (r === undefined) missing += 1;
      else {
        if (r < t) beforeCommitAck += 1; // delivered before the client saw COMMIT return: counted as 0 ms
        latencies.push(Math.max(0, r - t));
      }
    }
    const latency = summarize(latencies);
    const throughput = round(committedAt.size / appendS, 0);
    return {
      rows: [
        {
          metric: 'commit → consumer latency',
          median: latency.median,
          p99: latency.p99,
          throughput,
          unit: 'events/s',
          target: `p99 ≤ ${TARGET_P99_MS} ms`,
          met: missing === 0 && failures === 0 && latency.p99 !== null && latency.p99 <= TARGET_P99_MS,
        },
      ],
      details: {
        rate: RATE,
        streams: STREAMS,
        warmupS: warm,
        measuredS: round(appendS, 2),
        events: committedAt.size,
        missing,
        duplicates,
        appendFailures: failures,
        deliveredBeforeCommitAck: beforeCommitAck,
        latencyMs: latency,
        relay: relay.stats,
        cpu: cpuUse,
        otherWriteTransactions: barrier,
      },
    };
  },
};

/**
 * Every 50 ms: the write transactions open in other databases of the server (each holds every feed's barrier
 * until it ends). Reports how often one was open, the oldest seen, and who ran them.
 */
async function barrierProbe(url) {
  const { Client } = require('pg');
  const client = new Client({ connectionString: url, application_name: 'bench-barrier-probe' });
  await client.connect();
  const summary = { samples: 0, samplesWithOne: 0, oldestMs: 0, by: {} };
  let running = false;
  let loop = Promise.resolve();
  const sample = async () => {
    const { rows } = await client.query(
      `SELECT datname, application_name, (extract(epoch FROM now() - xact_start) * 1000)::int AS age_ms
       FROM pg_stat_activity WHERE backend_xid IS NOT NULL AND datname IS DISTINCT FROM current_database()`,
    );
    summary.samples += 1;
    if (rows.length > 0) summary.samplesWithOne += 1;
    for (const r of rows) {
      summary.oldestMs = Math.max(summary.oldestMs, r.age_ms);
      const who = `${r.datname}/${r.application_name || '?'}`;
      summary.by[who] = Math.max(summary.by[who] ?? 0, r.age_ms);
    }
  };
  return {
    start() {
      running = true;
      loop = (async () => {
        const deadline = performance.now() + 600_000;
        while (running && performance.now() < deadline) {
          await sample();
          await sleep(50);
        }
      })();
    },
    async stop() {
      running = false;
      await loop.catch(() => undefined);
      await client.end().catch(() => undefined);
      const top = Object.entries(summary.by)
        .sort((a, b) => b[1] - a[1])
        .slice(0, 5);
      return { ...summary, by: Object.fromEntries(top) };
    },
  };
}
