// The figures as a plain-text table (console) and as JSON (tools/bench/results/latest.json).
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BENCH_DIR, natsUrl, pgAdminUrl, require } from './env.mjs';

const fmt = (value) =>
  value === null || value === undefined ? '–' : typeof value === 'number' ? value.toLocaleString('en') : value;

export function formatTable(results) {
  const header = ['benchmark', 'metric', 'median ms', 'p99 ms', 'throughput', 'target', 'met'];
  const lines = [];
  for (const r of results) {
    if (r.error) {
      lines.push([r.name, `FAILED: ${r.error.split('\n')[0]}`, '', '', '', '', 'no']);
      continue;
    }
    for (const row of r.rows) {
      lines.push([
        r.name,
        row.metric,
        fmt(row.median),
        fmt(row.p99),
        `${fmt(row.throughput)} ${row.unit}`,
        row.target,
        row.met ? 'yes' : 'NO',
      ]);
    }
  }
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => String(l[i]).length)));
  const render = (cells) => cells.map((c, i) => String(c).padEnd(widths[i])).join(' | ');
  return [render(header), widths.map((w) => '-'.repeat(w)).join('-|-'), ...lines.map(render)].join('\n');
}

/** Versions and size of what ran the bench: a figure means little without them. */
export async function describeMachine() {
  const { Client } = require('pg');
  const { connect } = require('nats');
  const machine = {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? null,
    memoryGiB: round1(os.totalmem() / 2 ** 30),
    loadAverage: os.loadavg().map(round1),
    node: process.version,
    platform: `${os.type()} ${os.release()}`,
  };
  const pg = new Client({ connectionString: pgAdminUrl().toString(), application_name: 'bench-info' });
  try {
    await pg.connect();
    const { rows } = await pg.query(
      "SELECT current_setting('server_version') AS version, current_setting('synchronous_commit') AS sync, current_setting('shared_buffers') AS buffers, current_setting('max_connections') AS conns",
    );
    machine.postgres = {
      version: rows[0].version,
      synchronousCommit: rows[0].sync,
      sharedBuffers: rows[0].buffers,
      maxConnections: Number(rows[0].conns),
    };
    machine.probe = { postgres: await probe((i) => pg.query('SELECT $1::int AS n', [i])) };
  } catch (err) {
    machine.postgres = { error: err.message };
  } finally {
    await pg.end().catch(() => undefined);
  }
  try {
    const nc = await connect({ servers: natsUrl(), name: 'bench-info', maxReconnectAttempts: 0 });
    machine.nats = { version: nc.info?.version ?? null, jetstream: Boolean(nc.info?.jetstream) };
    const responder = await connect({ servers: natsUrl(), name: 'bench-info-responder', maxReconnectAttempts: 0 });
    const subject = `bench-info.probe.${process.pid}`;
    responder.subscribe(subject, { callback: (_, m) => m.respond(m.data) });
    await responder.flush();
    machine.probe = {
      ...machine.probe,
      nats: await probe(() => nc.request(subject, PROBE_PAYLOAD, { timeout: 2000 })),
    };
    await responder.close();
    await nc.close();
  } catch (err) {
    machine.nats = { error: err.message };
  }
  machine.probe = { ...machine.probe, json: jsonWork() };
  return machine;
}

const PROBE_ROUNDS = 2000;
const PROBE_PAYLOAD = new TextEncoder().encode(
  JSON.stringify({ role: 'user', content: 'a sentence of ordinary length' }),
);

/**
 * How fast this machine runs what the platform does most, to compare figures taken on different machines: the
 * median of `PROBE_ROUNDS` round trips one after the other, after a warm-up, in µs.
 */
async function probe(roundTrip) {
  for (let i = 0; i < 200; i++) await roundTrip(i);
  const times = [];
  for (let i = 0; i < PROBE_ROUNDS; i++) {
    const t0 = performance.now();
    await roundTrip(i);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { roundTripUs: Math.round(times[times.length >> 1] * 1000) };
}

/** µs of CPU to serialise and parse one event-sized document (a fixed JavaScript workload). */
function jsonWork() {
  const doc = {
    id: '0191d5b2-7c1e-7c8e-9a4e-2f0c1a2b3c4d',
    type: 'MessageAppended',
    data: { message: { seq: 1, role: 'user', content: 'Message: a sentence of ordinary length.', tokenCount: 9 } },
    metadata: { correlationId: 'c', causationId: null, actorId: 'admin', occurredAt: new Date().toISOString() },
  };
  const rounds = 50_000;
  const t0 = performance.now();
  for (let i = 0; i < rounds; i++) JSON.parse(JSON.stringify(doc));
  return { perDocumentUs: Math.round(((performance.now() - t0) * 1000 * 100) / rounds) / 100 };
}

export function writeResults(report) {
  const dir = path.join(BENCH_DIR, 'results');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'latest.json');
  writeFileSync(file, JSON.stringify(report, null, 2) + '\n');
  return path.relative(process.cwd(), file) || file;
}

const round1 = (n) => Math.round(n * 10) / 10;

/** The probe in one line (see describeMachine). */
export function describeProbe(probe = {}) {
  const rt = (p) => `${p?.roundTripUs ?? '?'} µs`;
  return (
    `PostgreSQL round trip ${rt(probe.postgres)}, NATS request/reply ${rt(probe.nats)}, ` +
    `JSON stringify + parse of an event ${probe.json?.perDocumentUs ?? '?'} µs`
  );
}
