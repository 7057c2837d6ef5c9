#!/usr/bin/env node
// The failover drill (npm run drill): the platform as a cluster on this machine, with real servers, under load, and
// what breaks is killed with -9 one after the other:
//   a 3-node NATS JetStream cluster (the domain event stream at 3 replicas), PostgreSQL as a primary and a
//   synchronous standby under pg_auto_failover, two replicas of every registered service, two gateways.
// Phases: the stream leader's NATS node; one replica of each service; the process leading each relay; a gateway;
// the PostgreSQL primary. Each is brought back. Then: every acknowledged write is readable, every event is on the
// stream exactly once and in per-stream order, the live events stream resumed (and, once analytics is
// registered, its read models equal a rebuild). Exits 0 only when all of that holds.
//
//   Needs `npm run build`, nats-server and pg_auto_failover (installed here when run as root).
//   DRILL_DOWN_MS=3000          how long each killed part stays down
//   DRILL_WORKERS=3             closed-loop clients per gateway
//   DRILL_DEADLINE_MS=600000    the whole drill gives up after this
//   DRILL_KEEP=1                keep the temporary folder (logs, server data) for a look afterwards
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import nats from 'nats';
import { EDGE_APP, freePort, platformApps, registeredServices, spawnApp } from '../dev/platform-apps.js';
import { ensurePgAutoFailover } from '../dev/pg-auto-failover.mjs';
import { Missing } from '../dev/sys.mjs';
import { checkAnalytics } from './analytics-check.mjs';
import { createLoad, liveReader, readyWatch } from './load.mjs';
import { killHard, query, startFormation, startNatsCluster } from './servers.mjs';
import { verifyReads, verifyStream } from './verify.mjs';

const DOWN_MS = Number(process.env.DRILL_DOWN_MS) || 3000;
const WORKERS = Number(process.env.DRILL_WORKERS) || 3;
const DEADLINE_MS = Number(process.env.DRILL_DEADLINE_MS) || 600_000;
const READY_MS = 240_000; // generous: ten Node processes start at once on a small, busy machine
const REPLICAS = 2;
const SETTLE_MS = 2000;

const started = Date.now();
const secs = (ms) => (ms / 1000).toFixed(1);
const log = (line) => console.log(`[drill ${secs(Date.now() - started).padStart(6)} s] ${line}`);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
async function until(probe, what, timeoutMs = READY_MS, everyMs = 200) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await Promise.resolve()
      .then(probe)
      .catch(() => undefined);
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
    await sleep(everyMs);
  }
}

// ---- cleanup: whatever way this ends, nothing stays running and the temporary folder goes ---------------------
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'platform-drill-'));
fs.chmodSync(dir, 0o755); // the PostgreSQL servers run as another OS user when this runs as root
const apps = new Map(); // "assistants#1" → { app, env, child, healthPort?, port? }
function killApps() {
  for (const p of apps.values()) {
    try {
      if (p.child) process.kill(-p.child.pid, 'SIGKILL');
    } catch {
      // exited already
    }
  }
}
process.on('exit', () => {
  killApps(); // the servers' own exit handler kills their process groups
  if (process.env.DRILL_KEEP) console.log(`drill files kept in ${dir}`);
  else fs.rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
});
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => process.exit(130));
setTimeout(() => {
  console.error(`drill: not done after ${DEADLINE_MS / 1000} s; giving up`);
  process.exit(1);
}, DEADLINE_MS).unref();

// ---- the platform's processes -------------------------------------------------------------------------------
const output = new Map(); // process key → last 32 KiB of its output
function launchApp(key) {
  const p = apps.get(key);
  const child = spawnApp(p.app, {
    env: p.env,
    detached: true,
    onOutput: (_, chunk) => {
      output.set(key, ((output.get(key) ?? '') + chunk).slice(-32 * 1024));
      fs.appendFileSync(path.join(dir, `${key.replace('#', '-')}.log`), chunk);
    },
  });
  child.once('exit', (code, signal) => {
    if (!p.expectExit && p.child === child) log(`${key} exited on its own (${signal ?? code})`);
  });
  p.child = child;
  p.expectExit = false;
}
async function killApp(key) {
  const p = apps.get(key);
  p.expectExit = true;
  await killHard(p.child);
}
const okAt = (url) =>
  fetch(url, { signal: AbortSignal.timeout(3000) }).then(
    (r) => (r.body?.cancel(), r.status === 200),
    () => false,
  );
const appReady = (key) => {
  const p = apps.get(key);
  return okAt(p.port ? `http://127.0.0.1:${p.port}/ready` : `http://127.0.0.1:${p.healthPort}/ready`);
};
async function relayLeaders(service) {
  const leaders = [];
  for (let r = 1; r <= REPLICAS; r++) {
    const key = `${service}#${r}`;
    const text = await fetch(`http://127.0.0.1:${apps.get(key).healthPort}/metrics`, {
      signal: AbortSignal.timeout(3000),
    })
      .then((res) => res.text())
      .catch(() => '');
    if (/^relay_leader\{[^}]*\} 1$/m.test(text)) leaders.push(key);
  }
  return leaders;
}

// ---- what the clients saw --------------------------------------------------------------------------------------
function windowStats(samples, from, to) {
  const inside = samples.filter((s) => s.t >= from && s.t <= to);
  const errors = {};
  for (const s of inside)
    if (!(typeof s.status === 'number' && s.status < 400)) errors[s.status] = (errors[s.status] ?? 0) + 1;
  const ms = inside.map((s) => s.ms).sort((a, b) => a - b);
  const p99 = ms.length ? ms[Math.min(ms.length - 1, Math.ceil(ms.length * 0.99) - 1)] : 0;
  return { requests: inside.length, errors, p99 };
}
const formatErrors = (errors) =>
  Object.entries(errors)
    .map(([status, n]) => `${status}×${n}`)
    .join(', ') || 'none';

async function main() {
  const services = registeredServices();
  log(`services from the registry: ${services.join(', ')}; ${REPLICAS} replicas each, ${REPLICAS} gateways`);
  const pgaf = ensurePgAutoFailover({ log });
  log(`pg_auto_failover: ${pgaf.how}`);

  const cluster = await startNatsCluster(dir);
  log(`NATS cluster up: ${cluster.urls}`);
  const formation = await startFormation(dir, { ...pgaf, database: 'drill', log });

  const token = `drill-${randomBytes(16).toString('hex')}`;
  const prefix = `drill_${randomBytes(4).toString('hex')}`;
  const env = {
    ...process.env,
    DATABASE_URL: formation.uri,
    BUS_PREFIX: prefix,
    NATS_URL: cluster.urls,
    EVENT_STREAM_REPLICAS: '3',
    ADMIN_TOKEN: token,
    HOST: '127.0.0.1',
    RATE_LIMIT_PER_MINUTE: '100000000',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
  };
  delete env.PLATFORM_APPS;
  const byName = new Map(platformApps({ env }).map((a) => [a.name, a]));
  for (const service of services) {
    for (let r = 1; r <= REPLICAS; r++) {
      const healthPort = await freePort();
      apps.set(`${service}#${r}`, {
        app: byName.get(service),
        env: { ...env, HEALTH_PORT: String(healthPort) },
        healthPort,
      });
    }
  }
  for (let r = 1; r <= REPLICAS; r++) {
    const port = await freePort();
    apps.set(`${EDGE_APP}#${r}`, { app: byName.get(EDGE_APP), env: { ...env, PORT: String(port) }, port });
  }
  // The first replica of each service alone first: it creates the schema, the stream (3 replicas) and the bus claim.
  for (const service of services) launchApp(`${service}#1`);
  await until(
    () => Promise.all(services.map((s) => appReady(`${s}#1`))).then((all) => all.every(Boolean)),
    'first replicas',
  );
  for (const key of apps.keys()) if (!apps.get(key).child) launchApp(key);
  await until(
    () => Promise.all([...apps.keys()].map(appReady)).then((all) => all.every(Boolean)),
    'every process ready',
  );
  log(`platform up: ${apps.size} processes (bus "${prefix}", database over ${formation.uri.split('@')[1]})`);

  const gateways = [1, 2].map((r) => ({
    name: `gw${r}`,
    url: () => `http://127.0.0.1:${apps.get(`${EDGE_APP}#${r}`).port}`,
  }));
  const nc = await nats.connect({ servers: cluster.urls.split(','), maxReconnectAttempts: -1, reconnectTimeWait: 250 });
  const jsm = await nc.jetstreamManager();
  const streamName = `${prefix.toUpperCase()}_DOMAIN_EVENTS`;
  const info = await jsm.streams.info(streamName);
  log(`stream ${streamName}: ${info.config.num_replicas} replicas, leader ${info.cluster?.leader}`);

  const load = createLoad({ gateways, token, workersPerGateway: WORKERS });
  const ready = readyWatch(gateways);
  const live = liveReader(gateways[0], token);
  await load.start();
  const phases = [];
  const baselineFrom = Date.now();
  await sleep(5000);
  phases.push({ name: 'steady load (before any failure)', from: baselineFrom, to: Date.now(), notes: [] });

  async function phase(name, kill, restore) {
    const from = Date.now();
    const notes = [];
    log(`phase: ${name}`);
    const killed = await kill(notes);
    await sleep(DOWN_MS);
    await restore(killed, notes);
    await until(
      () => Promise.all([...apps.keys()].map(appReady)).then((all) => all.every(Boolean)),
      `every process ready after "${name}"`,
    );
    await sleep(SETTLE_MS);
    phases.push({ name, from, to: Date.now(), notes });
  }

  // 1. The NATS node leading the event stream.
  await phase(
    'kill -9 the NATS node leading the event stream',
    async (notes) => {
      const leader = (await jsm.streams.info(streamName)).cluster.leader;
      const node = cluster.nodes.find((n) => n.name === leader);
      const t0 = Date.now();
      await node.kill();
      const next = await until(
        async () => {
          const c = (await jsm.streams.info(streamName, { timeout: 2000 })).cluster;
          return c?.leader && c.leader !== leader ? c.leader : undefined;
        },
        'a new stream leader',
        120_000,
        100,
      );
      notes.push(`stream leader ${leader} killed; ${next} leads after ${secs(Date.now() - t0)} s`);
      return node;
    },
    async (node, notes) => {
      node.start();
      const t0 = Date.now();
      await until(
        async () => {
          const c = (await jsm.streams.info(streamName, { timeout: 2000 })).cluster;
          return c?.replicas?.length === 2 && c.replicas.every((r) => r.current);
        },
        'all 3 stream replicas current',
        120_000,
      );
      notes.push(`${node.name} back and caught up after ${secs(Date.now() - t0)} s`);
    },
  );

  // 2. One replica of each service.
  await phase(
    'kill -9 one replica of each service',
    async (notes) => {
      const keys = services.map((s) => `${s}#1`);
      await Promise.all(keys.map(killApp));
      notes.push(`killed ${keys.join(', ')}`);
      return keys;
    },
    async (keys) => keys.forEach(launchApp),
  );

  // 3. The process leading each service's relay.
  await phase(
    'kill -9 the process leading each relay',
    async (notes) => {
      const leaders = await Promise.all(
        services.map((s) =>
          until(async () => (await relayLeaders(s)).length === 1 && relayLeaders(s), `the ${s} relay leader`, 60_000),
        ),
      );
      const keys = leaders.map((l) => l[0]);
      const t0 = Date.now();
      await Promise.all(keys.map(killApp));
      await Promise.all(
        services.map(async (s, i) => {
          const next = await until(
            async () => (await relayLeaders(s)).find((k) => k !== keys[i]),
            `a new ${s} relay leader`,
            120_000,
            100,
          );
          notes.push(`${s}: ${keys[i]} killed, ${next} leads after ${secs(Date.now() - t0)} s`);
        }),
      );
      return keys;
    },
    async (keys) => keys.forEach(launchApp),
  );

  // 4. A gateway (the one the live events reader is connected to).
  await phase(
    'kill -9 a gateway',
    async (notes) => {
      await killApp(`${EDGE_APP}#1`);
      notes.push(`killed ${EDGE_APP}#1; its clients get connection errors until it is back`);
      return `${EDGE_APP}#1`;
    },
    async (key) => launchApp(key),
  );

  // 5. The PostgreSQL primary (its pg_autoctl keeper with it: the whole node is gone).
  let pgUnavailableS;
  await phase(
    'kill -9 the PostgreSQL primary',
    async (notes) => {
      const primary = await formation.primary();
      if (!primary) throw new Error('no PostgreSQL primary to kill');
      const t0 = Date.now();
      await primary.kill();
      const promoted = await until(
        async () => {
          const p = await formation.primary();
          return p && p !== primary ? p : undefined;
        },
        'a new PostgreSQL primary',
        180_000,
      );
      notes.push(`primary ${primary.name} killed; ${promoted.name} promoted after ${secs(Date.now() - t0)} s`);
      // Unavailable for writes: until the first write sent after the kill was acknowledged.
      const firstWrite = await until(
        () => load.samples.find((s) => s.t >= t0 && s.op.startsWith('POST') && s.status === 201),
        'a write acknowledged after the PostgreSQL failover',
        180_000,
      );
      pgUnavailableS = (firstWrite.t + firstWrite.ms - t0) / 1000;
      notes.push(`writes acknowledged again ${pgUnavailableS.toFixed(1)} s after the kill`);
      return { node: primary, t0 };
    },
    async ({ node }, notes) => {
      const t0 = Date.now();
      node.restart();
      await until(
        async () => (await formation.checkpoint(formation.nodes.find((n) => n !== node)), formation.settled()),
        `${node.name} back as the standby`,
        180_000,
        1000,
      );
      notes.push(`${node.name} back as the synchronous standby after ${secs(Date.now() - t0)} s`);
    },
  );

  await load.stop();
  ready.stop();
  log(`load stopped: ${load.samples.length} requests`);

  // ---- the promises ------------------------------------------------------------------------------------------
  const failures = [];
  const primaryUrl = formation.nodeUrl(await formation.primary());
  const reads = await verifyReads(load, gateways[1]);
  if (reads.missing.length)
    failures.push(`${reads.missing.length} acknowledged writes not readable: ${reads.missing.slice(0, 5).join('; ')}`);
  const stream = await verifyStream({ services, databaseUrl: primaryUrl, jsm, streamName, query, log });
  failures.push(...stream.problems);

  // The live events stream: after its gateway was killed and came back, a new write still shows up in it.
  const probe = await load.call(gateways[1], 'POST', '/assistants', { name: 'Drill live probe' });
  const liveOk =
    probe.status === 201 && (await until(() => live.has(probe.body.id), 'the live event', 60_000).catch(() => false));
  if (!liveOk) failures.push('the live events stream did not resume after its gateway came back');
  live.stop();

  // Analytics (registered in the build): its read models must equal a rebuild from the event store.
  if (services.includes('analytics')) {
    // Caught up first: a replica killed holding a batch hands it back only after its ack wait.
    const caughtUp = await until(
      async () => {
        const lag = await load.call(gateways[1], 'GET', '/analytics/lag');
        return lag.status === 200 && lag.body.events === 0;
      },
      'analytics caught up with the stream',
      90_000,
      500,
    ).catch(() => false);
    if (!caughtUp) failures.push('analytics did not catch up with the stream within 90 s');
    const analytics = await checkAnalytics({
      databaseUrl: primaryUrl,
      stopReplicas: () => Promise.all([1, 2].map((r) => killApp(`analytics#${r}`))),
      log,
    });
    failures.push(...analytics.problems);
  } else {
    log('analytics is not in the registry of this build: its "read models equal a rebuild" check is skipped');
  }
  await nc.close();

  // ---- the report --------------------------------------------------------------------------------------------
  console.log('\nWhat the clients saw (both gateways, every request that started in the window):');
  for (const p of phases) {
    const s = windowStats(load.samples, p.from, p.to);
    console.log(`\n  ${p.name}  [${secs(p.to - p.from)} s window]`);
    console.log(
      `    requests ${s.requests}, errors ${formatErrors(s.errors)}, p99 ${s.p99} ms, /ready green again after ${ready.greenAfter(p.from, p.to).toFixed(1)} s`,
    );
    for (const n of p.notes) console.log(`    ${n}`);
  }
  const all = windowStats(load.samples, 0, Date.now());
  console.log(`\n  whole run: ${all.requests} requests, errors ${formatErrors(all.errors)}, p99 ${all.p99} ms`);
  console.log(
    `  acknowledged: ${load.acked.assistants.length} assistants, ${load.acked.prompts.length} prompts, ${load.acked.conversations.size} conversations, ` +
      `${[...load.acked.conversations.values()].reduce((n, m) => n + m.length, 0)} messages; ${reads.checked} read back`,
  );
  console.log(`  event stream: ${stream.summary}`);
  console.log(`  live events stream: ${liveOk ? 'resumed' : 'NOT resumed'} (${live.reconnects} reconnects)`);
  if (pgUnavailableS !== undefined)
    console.log(`  PostgreSQL failover: writes unavailable for ${pgUnavailableS.toFixed(1)} s`);
  console.log(`  drill took ${secs(Date.now() - started)} s`);
  if (failures.length) {
    console.error(`\nDRILL FAILED:\n  ${failures.join('\n  ')}`);
    return 1;
  }
  console.log('\nDRILL PASSED: nothing acknowledged was lost, nothing was duplicated or reordered on the stream');
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err instanceof Missing ? `drill: ${err.message}` : (err?.stack ?? String(err)));
    for (const [key, text] of output)
      if (text.trim()) console.error(`--- last output of ${key} ---\n${text.slice(-2000)}`);
    process.exit(1);
  },
);
