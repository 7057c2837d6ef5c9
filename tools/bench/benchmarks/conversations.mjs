// Conversations through the whole platform (gateway → NATS → conversations service → PostgreSQL, with the
// assistants service asked about assistants), as separate processes:
//   append:     POST /api/v1/conversations/{id}/messages, open loop: messages at a fixed total rate (500/s) spread
//               round-robin over 200 live conversations, latency from each message's scheduled time, after a
//               warm-up at that rate of at least BENCH_CONVERSATIONS_WARM_S (5 s: a freshly started platform's
//               code is still being compiled for its first seconds of such a load; those seconds are quoted apart);
//   saturation: the same conversations as 200 closed-loop clients, the most the platform answers (quoted);
//   history:    GET /api/v1/conversations/{id}/messages?limit=50&cursor=… at random pages of a 10,000-message one,
//               once the seeding has been projected, by 1, 4 and 8 readers (BENCH_HISTORY_READERS);
//   open:       1,000 conversations started and each given a message, with the conversations service's memory.
// No model provider is configured: appends measure the platform, not a model.
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { durationS, require, sleep, warmupS } from '../lib/env.mjs';
import { describeCpu, startCpuSampler } from '../lib/cpu.mjs';
import { startBenchPlatform } from '../lib/platform.mjs';
import { closedLoop, openLoop } from '../lib/load.mjs';

const CONVERSATIONS = Number(process.env.BENCH_CONVERSATIONS || 200);
const RATE = Number(process.env.BENCH_CONVERSATIONS_RATE || 500);
const HISTORY = Number(process.env.BENCH_HISTORY_MESSAGES || 10_000);
const OPEN = Number(process.env.BENCH_OPEN_CONVERSATIONS || 1000);
// History readers: each count is a trial; the headline is the highest rate whose p99 meets the bound.
const READERS = (process.env.BENCH_HISTORY_READERS || '1,4,8')
  .split(',')
  .map((c) => Number(c.trim()))
  .filter((c) => Number.isInteger(c) && c > 0 && c <= 64);
// Seconds the append phase warms up at its rate, at least (a fifth of BENCH_DURATION_S when that is longer).
const APPEND_WARM_S = Number(process.env.BENCH_CONVERSATIONS_WARM_S || 5);
// Phases to run (all by default): a subset of append,saturation,history,open, e.g. to profile one of them.
const PHASES = new Set((process.env.BENCH_CONVERSATIONS_PHASES || 'append,saturation,history,open').split(','));
const SETTLE_DEADLINE_MS = 120_000;
// PostgreSQL backends report their statistics at most once a second, and an idle one after 10 s.
const STATS_SETTLE_MS = 11_000;

const rssMiB = (pid) => {
  const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]);
  return Math.round((kb / 1024) * 10) / 10;
};

// The load generator shares the 2 cores with the platform: node:http on kept-alive sockets costs it about a
// quarter of what fetch does per request, which leaves that much more to the platform under test.
const agent = new http.Agent({ keepAlive: true, maxSockets: 512 });

/** One request on the kept-alive sockets; resolves with the status once the whole answer has arrived. */
function send(baseUrl, method, path, headers, body) {
  return new Promise((resolve, reject) => {
    const req = http.request(`${baseUrl}${path}`, { method, headers, agent }, (res) => {
      res.on('data', () => undefined);
      res.on('end', () => resolve(res.statusCode));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** CPU per request of each process, in µs, from the sampler's shares (% of one core) over `seconds`. */
const cpuPerRequest = (cpu, seconds, requests) =>
  cpu &&
  Object.fromEntries(
    Object.entries(cpu)
      .filter(([group, pct]) => typeof pct === 'number' && !group.startsWith('machine') && group !== 'cores')
      .map(([group, pct]) => [group, Math.round(((pct / 100) * seconds * 1e6) / Math.max(1, requests))]),
  );

/** The bench database's own counters (transactions, rows) and the conversation view's size. */
async function databaseCounters(client) {
  const { rows } = await client.query(
    `SELECT d.xact_commit + d.xact_rollback AS transactions, d.tup_returned AS returned, d.tup_fetched AS fetched,
       d.tup_inserted AS inserted, d.tup_updated AS updated,
       (SELECT n_tup_ins FROM pg_stat_user_tables WHERE schemaname = 'conversations' AND relname = 'message_view') AS messages
     FROM pg_stat_database d WHERE d.datname = current_database()`,
  );
  return Object.fromEntries(Object.entries(rows[0]).map(([k, v]) => [k, Number(v)]));
}

export const conversationsBenchmark = {
  name: 'conversations',
  title: 'Conversations: message appends, history pages, open conversations (gateway + services as processes)',
  async run({ log }) {
    const { db, platform, headers } = await startBenchPlatform('conversations');
    const pg = new (require('pg').Client)({ connectionString: db.url, options: '-c search_path=conversations' });
    await pg.connect();
    try {
      return await runPhases({ log, platform, headers, pg });
    } finally {
      await pg.end();
      agent.destroy();
    }
  },
};

async function runPhases({ log, platform, headers, pg }) {
  const call = async (method, path, body, status = 200) => {
    const res = await fetch(platform.baseUrl + path, { method, headers, body: body && JSON.stringify(body) });
    const json = await res.json();
    if (res.status !== status) throw new Error(`${method} ${path} answered ${res.status}: ${JSON.stringify(json)}`);
    return json;
  };
  const assistant = await call('POST', '/api/v1/assistants', { name: 'Bench Talker' }, 201);
  await call('PUT', `/api/v1/assistants/${assistant.id}`, { status: 'active' });
  const start = () => call('POST', '/api/v1/conversations', { assistantId: assistant.id }, 201);
  const say = (id, n) =>
    send(
      platform.baseUrl,
      'POST',
      `/api/v1/conversations/${id}/messages`,
      headers,
      JSON.stringify({ role: n % 2 ? 'assistant' : 'user', content: `Message ${n}: a sentence of ordinary length.` }),
    ).then((status) => status === 201);
  const measuredS = Math.max(1, Math.round(durationS()));
  const warmS = Math.round(warmupS(measuredS));
  const rows = [];
  const details = {};
  const pids = { bench: process.pid, ...platform.pids };

  // 1. Appends across 200 live conversations, open loop at a fixed total rate.
  const conversations = [];
  for (let i = 0; i < CONVERSATIONS; i++) conversations.push((await start()).id);
  const counters = conversations.map(() => 0);
  if (PHASES.has('append')) {
    let cpu;
    let cpuStarted;
    const countersBefore = await databaseCounters(pg);
    const append = await openLoop({
      rate: RATE,
      lanes: CONVERSATIONS,
      seconds: measuredS,
      warmS: Math.max(APPEND_WARM_S, warmS),
      request: (i) => say(conversations[i], counters[i]++),
      onMeasuredStart: () => {
        cpu = startCpuSampler(pids);
        cpuStarted = performance.now();
      },
    });
    append.cpu = cpu?.stop();
    append.cpuUsPerMessage = cpuPerRequest(append.cpu, (performance.now() - cpuStarted) / 1000, append.scheduled);
    await sleep(STATS_SETTLE_MS);
    const countersAfter = await databaseCounters(pg);
    const appended = countersAfter.messages - countersBefore.messages;
    append.database = Object.fromEntries(
      Object.keys(countersAfter)
        .filter((k) => k !== 'messages')
        .map((k) => [
          `${k}PerMessage`,
          Math.round(((countersAfter[k] - countersBefore[k]) / Math.max(1, appended)) * 100) / 100,
        ]),
    );
    const { rows: view } = await pg.query(
      'SELECT round(avg(pg_column_size(doc))) AS doc_bytes, round(avg(octet_length(doc::text))) AS doc_text_bytes FROM conversation_view',
    );
    append.database.viewDocBytes = Number(view[0].doc_bytes);
    append.database.viewDocTextBytes = Number(view[0].doc_text_bytes);
    log(
      `append (open loop, ${RATE}/s over ${CONVERSATIONS} conversations): ${append.perS} messages/s answered, ` +
        `p50 ${append.latency.median} ms, p99 ${append.latency.p99} ms, ${append.failures} failed of ${append.scheduled}, ` +
        `${append.queued} queued behind their conversation's previous message; cpu: ${describeCpu(append.cpu)}`,
    );
    log(
      `append: CPU µs per message ${JSON.stringify(append.cpuUsPerMessage)}; database per message ${JSON.stringify(append.database)}`,
    );
    const cold = append.warmUp;
    log(
      `append warm-up, second by second, load on a freshly started platform (p50 / p99 / max ms): ` +
        cold
          .map((s, i) => `${i + 1}: ${s.median} / ${s.p99} / ${s.max}${s.failed ? `, ${s.failed} failed` : ''}`)
          .join('; '),
    );
    rows.push({
      metric: `POST /conversations/{id}/messages, ${RATE}/s, first second of load on a freshly started platform`,
      median: cold[0]?.median ?? null,
      p99: cold[0]?.p99 ?? null,
      throughput: cold[0]?.count ?? 0,
      unit: 'answered',
      target: 'quoted (no target), none failed',
      met: cold[0]?.failed === 0,
    });
    rows.push({
      metric: `POST /conversations/{id}/messages, ${RATE}/s open loop over ${CONVERSATIONS} conversations`,
      median: append.latency.median,
      p99: append.latency.p99,
      throughput: append.perS,
      unit: 'messages/s',
      target: '≥ 500 messages/s at p99 ≤ 50 ms, none failed',
      met: append.perS >= 500 && append.latency.p99 <= 50 && append.failures === 0,
    });
    details.append = append;
  }
  if (PHASES.has('saturation')) {
    // 1b. Saturation: the same conversations as closed-loop clients, each waiting for its answer (quoted).
    const satCpu = startCpuSampler(pids);
    const satStarted = performance.now();
    const saturation = await closedLoop(CONVERSATIONS, measuredS, warmS, (i) => say(conversations[i], counters[i]++));
    saturation.cpu = satCpu.stop();
    saturation.cpuUsPerMessage = cpuPerRequest(
      saturation.cpu,
      (performance.now() - satStarted) / 1000,
      saturation.perS * (measuredS + warmS),
    );
    log(
      `saturation (${CONVERSATIONS} closed-loop clients): ${saturation.perS} messages/s, p50 ${saturation.latency.median} ms, ` +
        `p99 ${saturation.latency.p99} ms, ${saturation.failures} failed; cpu: ${describeCpu(saturation.cpu)}`,
    );
    rows.push({
      metric: `POST /conversations/{id}/messages, saturation: ${CONVERSATIONS} closed-loop clients`,
      median: saturation.latency.median,
      p99: saturation.latency.p99,
      throughput: saturation.perS,
      unit: 'messages/s',
      target: 'quoted (no target), none failed',
      met: saturation.failures === 0,
    });
    details.saturation = saturation;
  }
  if (PHASES.has('history')) {
    // 2. History pages of one 10,000-message conversation (seeded through the API, 8 writers queueing on it).
    const long = (await start()).id;
    let seeded = 0;
    const seedStarted = Date.now();
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        while (seeded < HISTORY) await say(long, seeded++);
      }),
    );
    log(`seeded a ${HISTORY}-message conversation in ${Math.round((Date.now() - seedStarted) / 1000)} s`);
    const cursors = [undefined];
    for (let page = await call('GET', `/api/v1/conversations/${long}/messages?limit=50`); page.nextCursor;) {
      cursors.push(page.nextCursor);
      page = await call('GET', `/api/v1/conversations/${long}/messages?limit=50&cursor=${page.nextCursor}`);
    }
    // The seeding's 10,000 events are still being relayed and projected (audit, analytics): read once they are, so
    // that the pages are measured, not the tail of the seeding.
    const settleStarted = Date.now();
    for (;;) {
      const lag = await call('GET', '/api/v1/analytics/lag');
      if (lag.events === 0) break;
      if (Date.now() - settleStarted > SETTLE_DEADLINE_MS)
        throw new Error(`analytics still ${lag.events} events behind`);
      await sleep(250);
    }
    log(`history: the platform settled ${Math.round((Date.now() - settleStarted) / 1000)} s after the seeding`);
    const readPage = async () => {
      const cursor = cursors[Math.floor(Math.random() * cursors.length)];
      const order = Math.random() < 0.5 ? 'asc' : 'desc';
      const q = cursor ? `&cursor=${cursor}` : '';
      const path = `/api/v1/conversations/${long}/messages?limit=50${order === 'desc' && !cursor ? '&order=desc' : ''}${q}`;
      return (await send(platform.baseUrl, 'GET', path, headers)) === 200;
    };
    const trials = [];
    for (const readers of READERS) {
      const trial = await closedLoop(readers, measuredS, warmS, readPage);
      trial.readers = readers;
      trials.push(trial);
      log(
        `history, ${readers} reader(s): ${trial.perS} pages/s, p50 ${trial.latency.median} ms, p99 ${trial.latency.p99} ms (${cursors.length} pages)`,
      );
    }
    const meets = (t) => t.latency.p99 <= 20 && t.failures === 0;
    const best = trials.filter(meets).sort((x, y) => y.perS - x.perS)[0];
    for (const trial of trials) {
      rows.push({
        metric: `GET /conversations/{id}/messages?limit=50 over ${HISTORY} messages, ${trial.readers} reader(s)${trial === best ? ' (best)' : ''}`,
        median: trial.latency.median,
        p99: trial.latency.p99,
        throughput: trial.perS,
        unit: 'pages/s',
        target: 'p99 ≤ 20 ms, none failed',
        met: meets(trial),
      });
    }
    details.history = trials;
  }
  if (PHASES.has('open')) {
    // 3. 1,000 concurrently open conversations and the service's memory.
    const pid = platform.pids.conversations;
    const before = rssMiB(pid);
    const open = [];
    for (let i = 0; i < OPEN; i += 50) {
      open.push(...(await Promise.all(Array.from({ length: Math.min(50, OPEN - i) }, start))));
    }
    await Promise.all(open.map((c, i) => say(c.id, i)));
    const active = await call('GET', `/api/v1/conversations/active?assistantId=${assistant.id}&limit=100`);
    const after = rssMiB(pid);
    log(`open: ${OPEN} more active conversations; conversations service RSS ${before} → ${after} MiB`);
    rows.push({
      metric: `${OPEN} open conversations (+ the ones above): conversations service RSS`,
      median: null,
      p99: null,
      throughput: after,
      unit: 'MiB RSS',
      target: 'quoted (no target)',
      met: active.data.length === 100,
    });
    details.open = { conversations: OPEN, rssMiBBefore: before, rssMiBAfter: after };
  }
  return { rows, details };
}
