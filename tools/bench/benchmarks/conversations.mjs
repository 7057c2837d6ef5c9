// Conversations through the whole platform (gateway → NATS → conversations service → PostgreSQL, with the
// assistants service asked about assistants), as separate processes:
//   append:  POST /api/v1/conversations/{id}/messages, one closed-loop client per conversation, 200 conversations;
//   history: GET /api/v1/conversations/{id}/messages?limit=50&cursor=… at random pages of a 10,000-message one;
//   open:    1,000 conversations started and each given a message, with the conversations service's memory.
// No model provider is configured: appends measure the platform, not a model.
import { readFileSync } from 'node:fs';
import { durationS, warmupS } from '../lib/env.mjs';
import { startBenchPlatform } from '../lib/platform.mjs';
import { closedLoop } from '../lib/load.mjs';

const CONVERSATIONS = Number(process.env.BENCH_CONVERSATIONS || 200);
const HISTORY = Number(process.env.BENCH_HISTORY_MESSAGES || 10_000);
const OPEN = Number(process.env.BENCH_OPEN_CONVERSATIONS || 1000);
const READERS = 8;

const rssMiB = (pid) => {
  const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]);
  return Math.round((kb / 1024) * 10) / 10;
};

export const conversationsBenchmark = {
  name: 'conversations',
  title: 'Conversations: message appends, history pages, open conversations (gateway + services as processes)',
  async run({ log }) {
    const { platform, headers } = await startBenchPlatform('conversations');
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
      fetch(`${platform.baseUrl}/api/v1/conversations/${id}/messages`, {
        method: 'POST',
        headers,
        body: JSON.stringify({
          role: n % 2 ? 'assistant' : 'user',
          content: `Message ${n}: a sentence of ordinary length.`,
        }),
      }).then(async (r) => (await r.arrayBuffer(), r.status === 201));
    const measuredS = Math.max(1, Math.round(durationS()));
    const warmS = Math.round(warmupS(measuredS));
    const rows = [];
    const details = {};

    // 1. Appends across 200 concurrent conversations.
    const conversations = [];
    for (let i = 0; i < CONVERSATIONS; i++) conversations.push((await start()).id);
    const counters = conversations.map(() => 0);
    const append = await closedLoop(CONVERSATIONS, measuredS, warmS, (i) => say(conversations[i], counters[i]++));
    log(
      `append: ${append.perS} messages/s, p50 ${append.latency.median} ms, p99 ${append.latency.p99} ms, ${append.failures} failed`,
    );
    rows.push({
      metric: `POST /conversations/{id}/messages, ${CONVERSATIONS} concurrent conversations`,
      median: append.latency.median,
      p99: append.latency.p99,
      throughput: append.perS,
      unit: 'messages/s',
      target: '≥ 500 messages/s at p99 ≤ 50 ms, none failed',
      met: append.perS >= 500 && append.latency.p99 <= 50 && append.failures === 0,
    });
    details.append = append;

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
    const history = await closedLoop(READERS, measuredS, warmS, async () => {
      const cursor = cursors[Math.floor(Math.random() * cursors.length)];
      const order = Math.random() < 0.5 ? 'asc' : 'desc';
      const q = cursor ? `&cursor=${cursor}` : '';
      const res = await fetch(
        `${platform.baseUrl}/api/v1/conversations/${long}/messages?limit=50${order === 'desc' && !cursor ? '&order=desc' : ''}${q}`,
        { headers },
      );
      await res.arrayBuffer();
      return res.status === 200;
    });
    log(
      `history: ${history.perS} pages/s, p50 ${history.latency.median} ms, p99 ${history.latency.p99} ms (${cursors.length} pages)`,
    );
    rows.push({
      metric: `GET /conversations/{id}/messages?limit=50 over ${HISTORY} messages, ${READERS} readers`,
      median: history.latency.median,
      p99: history.latency.p99,
      throughput: history.perS,
      unit: 'pages/s',
      target: 'p99 ≤ 20 ms, none failed',
      met: history.latency.p99 <= 20 && history.failures === 0,
    });
    details.history = history;

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
    return { rows, details };
  },
};
