// Starts the built apps as separate processes (as `npm start` and the e2e tests do), isolated by database,
// bus prefix and admin token, and waits until the gateway's /ready answers 200.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { REPO_ROOT, sleep } from './env.mjs';
import { onCleanup } from './isolation.mjs';

const OUTPUT_KEPT = 64 * 1024;
const READY_DEADLINE_MS = 90_000;
const STOP_GRACE_MS = 10_000;

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const running = new Set();
// Never leave an app behind, whatever way this process ends.
process.on('exit', () => running.forEach((child) => child.kill('SIGKILL')));

/** @returns {{ baseUrl, token, pids: Record<string, number>, output: () => string }} */
export async function startPlatform({ databaseUrl, busPrefix, apps = ['assistants'], env = {} }) {
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
  for (const app of [...apps, 'gateway']) {
    const entry = path.join(REPO_ROOT, 'dist', 'apps', app, 'src', 'main.js');
    if (!existsSync(entry)) throw new Error(`dist/apps/${app}/src/main.js is missing: run "npm run build" first`);
    const child = spawn(process.execPath, [entry], {
      cwd: REPO_ROOT,
      env: childEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const keep = (chunk) => (output = (output + `[${app}] ${chunk}`).slice(-OUTPUT_KEPT));
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.once('exit', (code, signal) => {
      running.delete(child);
      exited.push(`${app} exited (${signal ?? code})`);
    });
    running.add(child);
    pids[app] = child.pid;
    onCleanup(`stop ${app}`, () => stop(child));
  }

  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + READY_DEADLINE_MS;
  for (;;) {
    if (exited.length > 0) throw new Error(`${exited.join(', ')} before the gateway was ready\n${output}`);
    const status = await fetch(`${baseUrl}/ready`).then(
      (r) => r.status,
      () => 0,
    );
    if (status === 200) break;
    if (Date.now() > deadline)
      throw new Error(`the gateway was not ready within ${READY_DEADLINE_MS / 1000} s\n${output}`);
    await sleep(100);
  }
  return { baseUrl, token, pids, output: () => output };
}

async function stop(child) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const gone = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
  await gone;
  clearTimeout(timer);
}

/**
 * The platform for an HTTP benchmark: its own database and bus prefix, rate limits out of the way, and the
 * headers of an authenticated JSON request. Everything is removed at cleanup.
 */
export async function startBenchPlatform(name) {
  const { natsUrl, dist } = await import('./env.mjs');
  const { createBenchBus, createBenchDatabase } = await import('./isolation.mjs');
  natsUrl();
  const messaging = dist('libs/messaging/src/index.js');
  const db = await createBenchDatabase(name);
  const bus = createBenchBus(name, messaging.streamNamePrefix);
  const platform = await startPlatform({
    databaseUrl: db.url,
    busPrefix: bus.prefix,
    env: { RATE_LIMIT_PER_MINUTE: '100000000' },
  });
  const headers = { authorization: `Bearer ${platform.token}`, 'content-type': 'application/json' };
  return { db, bus, platform, headers };
}
