// Where the bench finds the built platform and the servers it may talk to. Loopback only: a benchmark that
// creates and drops databases and JetStream streams must never reach a server on another machine.
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const BENCH_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const REPO_ROOT = path.resolve(BENCH_DIR, '..', '..');
export const require = createRequire(path.join(REPO_ROOT, 'package.json'));

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

function loopbackUrl(name, fallback) {
  const value = process.env[name] || fallback;
  const url = new URL(value);
  if (!LOOPBACK.has(url.hostname)) {
    throw new Error(`${name}=${value}: the bench only targets this machine (127.0.0.1)`);
  }
  return url;
}

/** Maintenance connection used to create and drop the benchmarks' databases. */
export const pgAdminUrl = () => loopbackUrl('PG_ADMIN_URL', 'postgres://postgres@127.0.0.1:5432/postgres');

/** NATS with JetStream; the bench sets NATS_URL for the libraries and the processes it starts. */
export const natsUrl = () => {
  const url = loopbackUrl('NATS_URL', 'nats://127.0.0.1:4222').toString().replace(/\/$/, '');
  process.env.NATS_URL = url;
  return url;
};

/** A module of the compiled workspace (`npm run build`), e.g. dist('libs/event-store/src/index.js'). */
export function dist(relative) {
  const file = path.join(REPO_ROOT, 'dist', relative);
  if (!existsSync(file)) throw new Error(`${path.relative(REPO_ROOT, file)} is missing: run "npm run build" first`);
  return require(file);
}

/** BENCH_DURATION_S scales every measured phase (default 10 s; the gateway runs 1.5× that). */
export function durationS() {
  const raw = process.env.BENCH_DURATION_S;
  if (raw === undefined || raw === '') return 10;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0 || value > 600)
    throw new Error(`BENCH_DURATION_S must be in (0, 600], got "${raw}"`);
  return value;
}

/** Warm-up before a measured phase: a fifth of it, between 1 and 5 s. */
export const warmupS = (measuredS) => Math.min(5, Math.max(1, measuredS / 5));

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
