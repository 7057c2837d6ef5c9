// What keeps a test run or a benchmark off everybody else's data on shared servers: a database of its own and a
// bus prefix of its own, both removed afterwards. The tests (libs/testing) and the benchmarks (tools/bench) use it.
const { randomBytes } = require('node:crypto');
const { Client } = require('pg');
const { connect } = require('nats');

const DEFAULT_NATS_URL = 'nats://127.0.0.1:4222';

/** The server's maintenance database, where databases are created and dropped (`PG_ADMIN_URL`). */
const adminUrl = () => process.env.PG_ADMIN_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const natsUrl = () => process.env.NATS_URL || DEFAULT_NATS_URL;

/** `<kind>_<label>_<random>`: lower-case, safe as a database name and a bus prefix alike. */
function uniqueName(kind, label, maxLabel = 30) {
  const safe = String(label)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .slice(0, maxLabel);
  return `${kind}_${safe}_${randomBytes(5).toString('hex')}`;
}

async function admin(work) {
  const client = new Client({ connectionString: adminUrl(), application_name: 'isolation' });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A fresh database; `drop()` removes it, forcing off whatever is still connected. */
async function createDatabase(kind, label) {
  const name = uniqueName(kind, label);
  await admin((c) => c.query(`CREATE DATABASE "${name}"`));
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  const drop = () => admin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined);
  return { name, url: url.toString(), drop };
}

function connectNats(name) {
  const servers = natsUrl()
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return connect({ servers, name, maxReconnectAttempts: 0 });
}

/** Names of the JetStream streams that capture any subject matching `subjects`. */
async function streamsOf(nc, subjects) {
  const jsm = await nc.jetstreamManager();
  const names = [];
  for await (const name of jsm.streams.names(subjects)) names.push(name);
  return names;
}

/** Deletes every stream (with its consumers) that captures `subjects`, e.g. `<prefix>.>`. */
async function deleteStreams(subjects) {
  const nc = await connectNats('isolation-cleanup');
  try {
    const jsm = await nc.jetstreamManager();
    await Promise.all((await streamsOf(nc, subjects)).map((name) => jsm.streams.delete(name)));
  } finally {
    await nc.close();
  }
}

/** Every message body stored by the streams that capture `subjects`, parsed as JSON, in stream order. */
async function storedMessages(subjects) {
  const nc = await connectNats('isolation-reader');
  try {
    const jsm = await nc.jetstreamManager();
    const bodies = [];
    for (const stream of await streamsOf(nc, subjects)) {
      const info = await jsm.streams.info(stream).catch(() => undefined);
      if (!info) continue;
      for (let seq = info.state.first_seq; seq <= info.state.last_seq && info.state.messages > 0; seq++) {
        const msg = await jsm.streams.getMessage(stream, { seq }).catch(() => undefined); // deleted sequences leave gaps
        if (msg) bodies.push(JSON.parse(new TextDecoder().decode(msg.data)));
      }
    }
    return bodies;
  } finally {
    await nc.close();
  }
}

module.exports = { adminUrl, natsUrl, uniqueName, createDatabase, deleteStreams, storedMessages };
