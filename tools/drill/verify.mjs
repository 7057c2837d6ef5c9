// The drill's checks after the load: what the clients were told was done can be read back, and the event stream
// holds every stored event exactly once, each aggregate's events in the order of their revisions.
import { createRequire } from 'node:module';
import path from 'node:path';
import { REPO_ROOT } from '../dev/platform-apps.js';

const require = createRequire(import.meta.url);
const CONCURRENCY = 8;

async function inParallel(items, work) {
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < items.length) await work(items[next++]);
    }),
  );
}

/** Reads every acknowledged write back through `gateway` (retrying a failed read a few times). */
export async function verifyReads(load, gateway) {
  const missing = [];
  let checked = 0;
  const get = async (p) => {
    for (let attempt = 1; ; attempt++) {
      const r = await load.call(gateway, 'GET', p, undefined, 'verify');
      if (r.status === 200 || r.status === 404 || attempt >= 3) return r;
      await new Promise((res) => setTimeout(res, 500));
    }
  };
  const expectFound = async (p) => {
    checked += 1;
    const r = await get(p);
    if (r.status !== 200) missing.push(`GET ${p}: ${r.status}`);
  };
  await inParallel(load.acked.assistants, (id) => expectFound(`/assistants/${id}`));
  await inParallel(load.acked.prompts, (id) => expectFound(`/prompts/${id}`));
  await inParallel([...load.acked.conversations], async ([id, messages]) => {
    await expectFound(`/conversations/${id}`);
    const found = new Set();
    let cursor = null;
    do {
      const r = await get(
        `/conversations/${id}/messages?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
      if (r.status !== 200) return void missing.push(`messages of conversation ${id}: ${r.status}`);
      r.body.data.forEach((m) => found.add(m.id));
      cursor = r.body.nextCursor;
    } while (cursor);
    checked += messages.length;
    for (const m of messages) if (!found.has(m)) missing.push(`message ${m} of conversation ${id}`);
  });
  return { missing, checked };
}

/** The services' schemas, from the registry of the build. */
function schemasOf(services) {
  const registry = require(path.join(REPO_ROOT, 'dist', 'libs', 'contracts', 'src', 'registry', 'services.js'));
  return registry.PLATFORM_SERVICES.filter((s) => services.includes(s.name)).map((s) => s.schema);
}

/** Every stored event exactly once on the stream, per aggregate stream in revision order. */
export async function verifyStream({ services, databaseUrl, jsm, streamName, query, log }) {
  const stored = [];
  for (const schema of schemasOf(services)) {
    const rows = await query(databaseUrl, `SELECT id::text AS id, stream_id, revision FROM "${schema}".events`);
    stored.push(...rows);
  }
  // The relays publish asynchronously: wait until the stream has caught up with the store (or stops moving).
  const deadline = Date.now() + 120_000;
  let info = await jsm.streams.info(streamName);
  while (info.state.messages < stored.length && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 500));
    info = await jsm.streams.info(streamName);
  }
  const unread = [];
  log(`stream has ${info.state.messages} messages, the store ${stored.length} events; reading the stream ...`);
  const size = info.state.messages > 0 ? info.state.last_seq - info.state.first_seq + 1 : 0;
  const onStream = Array.from({ length: size });
  await inParallel(
    onStream.map((_, i) => info.state.first_seq + i),
    async (seq) => {
      for (let attempt = 1; attempt <= 3; attempt++) {
        const msg = await jsm.streams
          .getMessage(streamName, { seq })
          .catch((err) => (attempt === 3 && unread.push(seq), err));
        if (msg instanceof Error) continue;
        onStream[seq - info.state.first_seq] = JSON.parse(new TextDecoder().decode(msg.data));
        break;
      }
    },
  );
  const events = onStream.filter(Boolean);
  const problems = unread.length ? [`${unread.length} stream messages could not be read (e.g. seq ${unread[0]})`] : [];
  const count = new Map();
  for (const e of events) count.set(e.id, (count.get(e.id) ?? 0) + 1);
  const storedIds = new Set(stored.map((e) => e.id));
  const lost = stored.filter((e) => !count.has(e.id));
  const twice = [...count].filter(([, n]) => n > 1);
  const strangers = events.filter((e) => !storedIds.has(e.id));
  if (lost.length)
    problems.push(
      `${lost.length} stored events never reached the stream (e.g. ${lost[0].stream_id}@${lost[0].revision})`,
    );
  if (twice.length) problems.push(`${twice.length} events are on the stream more than once (e.g. ${twice[0][0]})`);
  if (strangers.length) problems.push(`${strangers.length} events on the stream are not in the store`);
  const lastRevision = new Map();
  let outOfOrder = 0;
  for (const e of events) {
    const before = lastRevision.get(e.streamId) ?? 0;
    if (e.revision !== before + 1) outOfOrder += 1;
    lastRevision.set(e.streamId, Math.max(before, e.revision));
  }
  if (outOfOrder) problems.push(`${outOfOrder} events are out of their stream's revision order on the bus`);
  return {
    problems,
    summary:
      `${stored.length} events in the store, ${events.length} on the stream (${info.config.num_replicas} replicas), ` +
      `${lastRevision.size} aggregate streams; lost ${lost.length}, duplicated ${twice.length}, out of order ${outOfOrder}`,
  };
}
