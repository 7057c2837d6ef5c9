// Starts the built apps as separate processes (as `npm start` and the e2e tests do), isolated by database,
// bus prefix and admin token, and waits until the gateway's /ready answers 200.
import { randomBytes } from 'node:crypto';
import { freePort, platformApps, spawnApp, stopApp, waitForReady } from '../../dev/platform-apps.js';
import { onCleanup } from './isolation.mjs';

const OUTPUT_KEPT = 64 * 1024;
const READY_DEADLINE_MS = 90_000;
const STOP_GRACE_MS = 10_000;

const running = new Set();
// Never leave an app behind, whatever way this process ends.
process.on('exit', () => running.forEach((child) => child.kill('SIGKILL')));

/** @returns {{ baseUrl, token, pids: Record<string, number>, output: () => string }} */
export async function startPlatform({ databaseUrl, busPrefix, env = {} }) {
  const port = await freePort();
  const token = `bench-${randomBytes(16).toString('hex')}`;
  const childEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    BUS_PREFIX: busPrefix,
    ADMIN_TOKEN: token,
    PORT: String(port),
    HOST: '127.0.0.1',
    ...env,
  };
  let output = '';
  const pids = {};
  const exited = [];
  const keep = (app, chunk) => (output = (output + `[${app}] ${chunk}`).slice(-OUTPUT_KEPT));
  for (const app of platformApps({ env: childEnv })) {
    const child = spawnApp(app, { env: childEnv, onOutput: keep });
    child.once('exit', (code, signal) => {
      running.delete(child);
      exited.push(`${app.name} exited (${signal ?? code})`);
    });
    running.add(child);
    pids[app.name] = child.pid;
    onCleanup(`stop ${app.name}`, () => stopApp(child, STOP_GRACE_MS));
  }
  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    await waitForReady(baseUrl, { timeoutMs: READY_DEADLINE_MS, failed: () => exited.join(', ') || undefined });
  } catch (err) {
    throw new Error(`${err.message}\n${output}`);
  }
  return { baseUrl, token, pids, output: () => output };
}

/**
 * The platform for an HTTP benchmark: its own database and bus prefix, rate limits out of the way, and the
 * headers of an authenticated JSON request. Everything is removed at cleanup.
 */
export async function startBenchPlatform(name) {
  const { natsUrl } = await import('./env.mjs');
  const { createBenchBus, createBenchDatabase } = await import('./isolation.mjs');
  natsUrl(); // refuses anything but the loopback address
  const db = await createBenchDatabase(name);
  const bus = createBenchBus(name);
  const platform = await startPlatform({
    databaseUrl: db.url,
    busPrefix: bus.prefix,
    env: { RATE_LIMIT_PER_MINUTE: '100000000' },
  });
  const headers = { authorization: `Bearer ${platform.token}`, 'content-type': 'application/json' };
  return { db, bus, platform, headers };
}
