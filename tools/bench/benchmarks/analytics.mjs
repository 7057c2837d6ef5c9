// Analytics: projections of the event stream, against the real local PostgreSQL and NATS JetStream.
//   load:     assistants, conversations and messages appended to the assistants and conversations event stores
//             (message times spread over the last 30 days), scaled by BENCH_ANALYTICS_SCALE (1 = the issue's
//             10,000 assistants / 100,000 conversations / 1,000,000 messages; default 0.1);
//   rebuild:  `npm run rebuild -- analytics`'s function over every store (fresh tables, swapped in);
//   live:     every stored event published to JetStream, then projected by the service's own consumer and
//             handlers (exactly-once: events and their ids commit together, in batches) until caught up;
//   lag:      message appends at BENCH_ANALYTICS_APPEND_RATE/s (default 500, the conversations benchmark's
//             target) through the relay while the consumer runs: append → applied, per event;
//   reads:    metrics, health and usage (a month by the hour) as the service computes them (its reader and
//             calculator on its pool; the gateway and NATS hops are measured by the gateway benchmark).
import { randomUUID } from 'node:crypto';
import { describeCpu, startBackendCpuSampler, startCpuSampler } from '../lib/cpu.mjs';
import { dist, durationS, natsUrl, pgAdminUrl, require, sleep } from '../lib/env.mjs';
import { createBenchBus, createBenchDatabase, onCleanup } from '../lib/isolation.mjs';
import { round, summarize } from '../lib/stats.mjs';

const SCALE = Number(process.env.BENCH_ANALYTICS_SCALE || 0.1);
const ASSISTANTS = Math.max(2, Math.round(10_000 * SCALE));
const CONVERSATIONS = Math.max(ASSISTANTS, Math.round(100_000 * SCALE));
const MESSAGES_PER_CONVERSATION = 10; // 1,000,000 messages at scale 1
const APPEND_RATE = Number(process.env.BENCH_ANALYTICS_APPEND_RATE || 500);
const DAY = 86_400_000;
const quiet = { log: () => undefined, warn: () => undefined, error: () => undefined };

const meta = (at) => ({ correlationId: randomUUID(), causationId: null, actorId: 'bench', occurredAt: at });
const ev = (type, data, at = new Date().toISOString()) => ({ type, data, metadata: meta(at) });
const profile = (n) => ({
  name: `Bench assistant ${n}`,
  slug: `bench-assistant-${n}`,
  description: null,
  type: 'support',
  tags: ['bench'],
  specialty: null,
  persona: {},
  configuration: { model: 'm', temperature: 0.7, maxTokens: 500, contextWindowTokens: 8000, topP: 1 },
});
const message = (conversationId, assistantId, role, at, n) =>
  ev(
    'MessageAppended',
    {
      conversationId,
      assistantId,
      budgetTokens: 8000,
      message: {
        id: randomUUID(),
        seq: n + 1,
        role,
        content: role === 'user' ? 'Where is my order?' : 'It ships tomorrow.',
        toolCalls: null,
        toolCallId: null,
        parentMessageId: null,
        metadata: {},
        tokenCount: 12,
        model: null,
        responseTimeMs: role === 'assistant' ? 200 + ((n * 37) % 1800) : null,
        usage: null,
        error: null,
        createdAt: at,
      },
    },
    at,
  );

/**
 * Where the CPU of a phase went: the bench process (where the rebuild and the consumer run) and this database's
 * PostgreSQL backends, each in µs per event, besides every process's share of a core.
 */
function startPhaseCpu(admin, database) {
  const own = process.cpuUsage();
  const backends = startBackendCpuSampler(admin, database);
  const machine = startCpuSampler({ bench: process.pid });
  return {
    async stop(events) {
      const used = process.cpuUsage(own);
      const pg = await backends.stop();
      const shares = machine.stop();
      const perEvent = (us) => (us === null ? null : round(us / Math.max(1, events), 1));
      return {
        benchUsPerEvent: perEvent(used.user + used.system),
        postgresUsPerEvent: perEvent(pg ? pg.ms * 1000 : null),
        postgresBackends: pg?.backends ?? null,
        shares,
      };
    },
  };
}

const describePhaseCpu = (c) =>
  `CPU per event: bench ${c.benchUsPerEvent} µs, its PostgreSQL backends ${c.postgresUsPerEvent} µs; ${describeCpu(c.shares)}`;

async function pool(items, workers, work) {
  let next = 0;
  await Promise.all(
    Array.from({ length: workers }, async () => {
      while (next < items.length) await work(items[next++]);
    }),
  );
}

export const analyticsBenchmark = {
  name: 'analytics',
  title: `Analytics: load ${ASSISTANTS} assistants, ${CONVERSATIONS} conversations, ${CONVERSATIONS * MESSAGES_PER_CONVERSATION} messages; rebuild, live projection, lag, reads`,
  async run({ log }) {
    natsUrl();
    const { PostgresEventStore, runMigrations, FEED_START } = dist('libs/event-store/src/index.js');
    const messaging = dist('libs/messaging/src/index.js');
    const models = dist('apps/analytics/src/read-models.js');
    const { analyticsConsumer } = dist('apps/analytics/src/projections/analytics.consumer.js');
    const { AnalyticsReader } = dist('apps/analytics/src/queries/analytics.reader.js');
    const { AnalyticsCalculator } = dist('apps/analytics/src/queries/analytics.calculator.js');
    const { Client, Pool } = require('pg');
    const db = await createBenchDatabase('analytics');
    const admin = new Client({ connectionString: pgAdminUrl().toString(), application_name: 'bench-cpu' });
    await admin.connect();
    onCleanup('close admin client', () => admin.end());
    const bus = createBenchBus('analytics');
    const stores = {};
    for (const schema of ['assistants', 'conversations']) {
      stores[schema] = await PostgresEventStore.connect({
        connectionString: db.url,
        schema,
        poolSize: 10,
        notify: false,
      });
      onCleanup(`close ${schema} store`, () => stores[schema].close());
    }
    const rows = [];
    const details = { scale: SCALE, assistants: ASSISTANTS, conversations: CONVERSATIONS };

    // 1. Load.
    const now = Date.now();
    const assistantIds = Array.from({ length: ASSISTANTS }, () => randomUUID());
    let loaded = 0;
    const loadStarted = Date.now();
    await pool(
      assistantIds.map((id, n) => [id, n]),
      8,
      async ([id, n]) => {
        const at = new Date(now - 40 * DAY).toISOString();
        await stores.assistants.append(
          `assistant-${id}`,
          [
            ev('AssistantCreated', { ...profile(n), assistantId: id, ownerId: 'bench', createdAt: at }, at),
            ev('AssistantActivated', { assistantId: id, from: 'draft', at }, at),
          ],
          { expectedRevision: 'no_stream' },
        );
        loaded += 2;
      },
    );
    const conversations = Array.from({ length: CONVERSATIONS }, (_, i) => ({
      id: randomUUID(),
      assistantId: assistantIds[i % ASSISTANTS],
    }));
    await pool(conversations, 8, async (c) => {
      const start = now - Math.floor(Math.random() * 30 * DAY);
      const at = (i) => new Date(start + i * 60_000).toISOString();
      const events = [
        ev(
          'ConversationStarted',
          {
            conversationId: c.id,
            assistantId: c.assistantId,
            userId: 'u',
            ownerId: 'bench',
            title: null,
            environment: null,
            contextVariables: {},
            budgetTokens: 8000,
            startedAt: at(0),
          },
          at(0),
        ),
      ];
      for (let i = 0; i < MESSAGES_PER_CONVERSATION; i++)
        events.push(message(c.id, c.assistantId, i % 2 ? 'assistant' : 'user', at(i + 1), i));
      await stores.conversations.append(`conversation-${c.id}`, events, { expectedRevision: 'no_stream' });
      loaded += events.length;
    });
    const total = loaded;
    log(`loaded ${total} events in ${Math.round((Date.now() - loadStarted) / 1000)} s`);

    // 2. Rebuild.
    const rebuildCpu = startPhaseCpu(admin, db.name);
    const rebuilt = await models.rebuildAnalytics({
      databaseUrl: db.url,
      schema: 'analytics',
      sources: ['assistants', 'conversations'],
    });
    const rebuildCpuUse = await rebuildCpu.stop(rebuilt.events);
    log(
      `rebuild: ${rebuilt.events} events in ${rebuilt.ms} ms, ${rebuilt.eventsPerSecond} events/s ` +
        `(the swap held the projection lock ${rebuilt.swapMs} ms)`,
    );
    log(`rebuild: ${describePhaseCpu(rebuildCpuUse)}`);
    rows.push({
      metric: `rebuild (${rebuilt.events} events, fresh tables swapped in)`,
      throughput: rebuilt.eventsPerSecond,
      unit: 'events/s',
      target: '≥ 20,000 events/s',
      met: rebuilt.eventsPerSecond >= 20_000,
    });
    details.rebuild = { ...rebuilt, cpu: rebuildCpuUse };

    // 3. Reads, on the rebuilt tables, as the service computes them.
    const readPool = new Pool({ connectionString: db.url, max: 4, options: '-c search_path=analytics' });
    onCleanup('close read pool', () => readPool.end());
    const reader = new AnalyticsReader(readPool);
    const calc = new AnalyticsCalculator(reader);
    const entries = await reader.assistants(assistantIds.slice(0, 200));
    const period = { from: now - 30 * DAY, to: now };
    const reads = {
      metrics: (e) => calc.assess([e], period),
      health: (e) => calc.health(e, period, now),
      'usage (a month by the hour)': (e) =>
        calc.usage(e.assistantId, period, 'hour', AnalyticsCalculator.bucketsOf(period, 'hour', 1000)),
    };
    const seconds = Math.max(2, durationS() / 2);
    for (const [name, read] of Object.entries(reads)) {
      const samples = [];
      const end = Date.now() + seconds * 1000;
      let i = 0;
      while (Date.now() < end) {
        const t0 = performance.now();
        await read(entries[i++ % entries.length]);
        samples.push(performance.now() - t0);
      }
      const s = summarize(samples);
      log(`${name}: p50 ${s.median} ms, p99 ${s.p99} ms over ${s.count} reads`);
      rows.push({
        metric: `read ${name}`,
        median: s.median,
        p99: s.p99,
        throughput: Math.round(s.count / seconds),
        unit: 'reads/s',
        target: 'p99 ≤ 50 ms',
        met: s.p99 <= 50,
      });
      details[name] = s;
    }

    // 4. Live projection: every stored event on the bus, projected by the service's consumer until caught up.
    const nc = await messaging.connectNats({ name: 'bench-analytics' });
    onCleanup('close NATS', () => nc.close());
    await messaging.ensureEventStream(await nc.jetstreamManager(), { prefix: bus.prefix });
    const js = nc.jetstream();
    for (const schema of Object.keys(stores)) {
      let from = FEED_START;
      for (;;) {
        const { events, next } = await stores[schema].readAll(from, 5_000);
        if (events.length === 0) break;
        await Promise.all(
          events.map((e) =>
            js.publish(
              messaging.eventSubject(e.streamId.split('-')[0], e.type, bus.prefix),
              messaging.encodeBusEvent(messaging.toBusEvent(e)),
              { msgID: e.id },
            ),
          ),
        );
        from = next;
      }
    }
    const livePool = new Pool({ connectionString: db.url, max: 4, options: '-c search_path=analytics_live' });
    onCleanup('close live pool', () => livePool.end());
    await livePool.query('CREATE SCHEMA IF NOT EXISTS analytics_live');
    await runMigrations(livePool, 'analytics_live', models.migrations);
    const applied = new Map();
    const consumer = new messaging.IdempotentConsumer({
      nats: nc,
      pool: livePool,
      schema: 'analytics_live',
      prefix: bus.prefix,
      logger: quiet,
      // As the service's consumer host runs it: name, batch sizes, in order, ack wait.
      ...analyticsConsumer,
      handler: async (event, sql) => {
        await analyticsConsumer.handler(event, sql);
        applied.set(event.id, Date.now());
      },
      batchHandler: async (events, sql) => {
        await analyticsConsumer.batchHandler(events, sql);
        const t = Date.now();
        for (const e of events) applied.set(e.id, t);
      },
    });
    const liveCpu = startPhaseCpu(admin, db.name);
    const liveStarted = Date.now();
    await consumer.start();
    onCleanup('stop consumer', () => consumer.stop());
    const deadline = Date.now() + 30 * 60_000;
    while ((await consumer.pending()) > 0 && Date.now() < deadline) await sleep(250);
    const liveMs = Date.now() - liveStarted;
    const liveCpuUse = await liveCpu.stop(consumer.stats.handled);
    const liveRate = Math.round((consumer.stats.handled / liveMs) * 1000);
    log(`live: ${consumer.stats.handled} events projected in ${liveMs} ms, ${liveRate} events/s`);
    log(`live: ${describePhaseCpu(liveCpuUse)}`);
    rows.push({
      metric: `live projection (${consumer.stats.handled} events from JetStream, exactly-once batches)`,
      throughput: liveRate,
      unit: 'events/s',
      target: '≥ 10,000 events/s',
      met: liveRate >= 10_000,
    });
    details.live = { events: consumer.stats.handled, ms: liveMs, eventsPerSecond: liveRate, cpu: liveCpuUse };

    // 5. Lag under message appends at APPEND_RATE/s through the relay.
    const relay = new messaging.EventRelay({
      store: stores.conversations,
      pool: stores.conversations.pool,
      schema: 'conversations',
      nats: nc,
      prefix: bus.prefix,
      logger: quiet,
    });
    relay.start();
    onCleanup('stop relay', () => relay.stop());
    // The relay starts from the beginning of the store: let it pass the loaded events (JetStream drops them as
    // duplicates) before the measured appends, so the lag is that of new events only.
    const loadedConversationEvents = total - 2 * ASSISTANTS;
    const passed = Date.now() + 30 * 60_000; // bounded like every loop here (the full load takes a few minutes)
    while (relay.stats.published + relay.stats.duplicates < loadedConversationEvents && Date.now() < passed)
      await sleep(100);
    while ((await consumer.pending()) > 0 && Date.now() < passed) await sleep(100);
    if (Date.now() >= passed) throw new Error('the relay did not pass the loaded events within 30 minutes');
    const appendedAt = new Map();
    const lagSeconds = durationS();
    const lagEnd = Date.now() + lagSeconds * 1000;
    let sent = 0;
    const inFlight = [];
    while (Date.now() < lagEnd) {
      const due = Math.floor(((Date.now() - (lagEnd - lagSeconds * 1000)) / 1000) * APPEND_RATE);
      while (sent < due) {
        const c = conversations[sent++ % conversations.length];
        const e = message(c.id, c.assistantId, 'assistant', new Date().toISOString(), 99);
        inFlight.push(
          stores.conversations
            .append(`conversation-${c.id}`, [e], { expectedRevision: 'any' })
            .then(({ events }) => appendedAt.set(events[0].id, Date.now())),
        );
      }
      await sleep(5);
    }
    await Promise.all(inFlight);
    // Until every appended event is applied (the relay publishes them first), within a minute.
    while ([...appendedAt.keys()].some((id) => !applied.has(id)) && Date.now() < lagEnd + 60_000) await sleep(100);
    const lags = [...appendedAt].map(([id, t]) => (applied.get(id) ?? Infinity) - t);
    const s = summarize(lags.filter(Number.isFinite));
    const missing = lags.filter((l) => !Number.isFinite(l)).length;
    log(`lag at ${APPEND_RATE} appends/s: p50 ${s.median} ms, p99 ${s.p99} ms, ${missing} not applied`);
    rows.push({
      metric: `lag append → applied at ${APPEND_RATE} appends/s (${appendedAt.size} events)`,
      median: s.median,
      p99: s.p99,
      throughput: round(appendedAt.size / lagSeconds, 0),
      unit: 'events/s',
      target: 'p99 ≤ 1 s',
      met: s.p99 !== null && s.p99 <= 1_000 && missing === 0,
    });
    details.lag = { ...s, missing };
    await relay.stop();
    await consumer.stop();
    return { rows, details };
  },
};
