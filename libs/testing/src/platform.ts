import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { createTestBus, type TestBus } from './test-bus';
import { createTestDatabase } from './test-database';

const ROOT = join(__dirname, '..', '..', '..');

export interface RunningPlatform {
  baseUrl: string;
  token: string;
  processes: Map<string, ChildProcess>;
  output: () => string;
  stop(app?: string): Promise<void>;
  start(app: string): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Waits for a condition with a deadline instead of sleeping a fixed time. */
export async function waitFor<T>(
  probe: () => Promise<T | undefined | false>,
  what: string,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value) return value;
    } catch (err) {
      lastError = err;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`Timed out waiting for ${what}${lastError ? `: ${String(lastError)}` : ''}`);
}

/**
 * Starts the built apps as separate processes (as `npm start` does), isolated by database and bus prefix,
 * and waits until the gateway says ready.
 */
export async function startPlatform(opts: {
  databaseUrl: string;
  busPrefix: string;
  services?: string[];
  env?: Record<string, string>;
}): Promise<RunningPlatform> {
  const services = opts.services ?? ['assistants'];
  const port = await freePort();
  const token = `test-token-${Math.random().toString(36).slice(2)}`;
  const env = {
    ...process.env,
    DATABASE_URL: opts.databaseUrl,
    BUS_PREFIX: opts.busPrefix,
    ADMIN_TOKEN: token,
    PORT: String(port),
    ...opts.env,
  };
  const processes = new Map<string, ChildProcess>();
  let log = '';
  const start = async (app: string) => {
    const entry = join(ROOT, 'dist', 'apps', app, 'src', 'main.js');
    if (!existsSync(entry)) throw new Error(`${entry} is missing: run "npm run build" first`);
    const child = spawn(process.execPath, [entry], { env, cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout?.on('data', (d) => (log += `[${app}] ${d}`));
    child.stderr?.on('data', (d) => (log += `[${app}] ${d}`));
    processes.set(app, child);
  };
  const stop = async (app?: string) => {
    const names = app ? [app] : [...processes.keys()].reverse();
    await Promise.all(
      names.map(async (name) => {
        const child = processes.get(name);
        processes.delete(name);
        if (!child || child.exitCode !== null) return;
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
        await exited;
        clearTimeout(timer);
      }),
    );
  };
  for (const s of services) await start(s);
  await start('gateway');
  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    await waitFor(async () => (await fetch(`${baseUrl}/ready`)).status === 200, 'the gateway to be ready', 60_000);
  } catch (err) {
    await stop();
    throw new Error(`${(err as Error).message}\n${log}`);
  }
  return { baseUrl, token, processes, output: () => log, stop, start };
}

/**
 * Makes one test database refuse every connection (superusers included) and drops the open ones, so a test
 * sees "PostgreSQL down" without touching the shared server; connections are allowed again afterwards.
 */
export async function withDatabaseClosed(name: string, work: () => Promise<void>): Promise<void> {
  const { Client } = await import('pg');
  const admin = new Client({
    connectionString: process.env.PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
  });
  await admin.connect();
  const ident = `"${name.replace(/"/g, '""')}"`;
  try {
    await admin.query(`ALTER DATABASE ${ident} ALLOW_CONNECTIONS false`);
    await admin.query(
      'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
      [name],
    );
    await work();
  } finally {
    await admin.query(`ALTER DATABASE ${ident} ALLOW_CONNECTIONS true`);
    await admin.end();
  }
}

export interface IsolatedPlatform extends RunningPlatform {
  databaseUrl: string;
  databaseName: string;
  /** Everything the platform published on its JetStream stream so far. */
  busEvents: TestBus['events'];
  /** Stops the processes, then removes the run's database and streams. */
  dispose(): Promise<void>;
}

/** The whole platform as separate processes, on a database and bus prefix of its own (for end-to-end tests). */
export async function startIsolatedPlatform(
  label: string,
  env: Record<string, string> = {},
): Promise<IsolatedPlatform> {
  const db = await createTestDatabase(label);
  const bus = createTestBus(label);
  try {
    const platform = await startPlatform({ databaseUrl: db.url, busPrefix: bus.prefix, env });
    return {
      ...platform,
      databaseUrl: db.url,
      databaseName: db.name,
      busEvents: bus.events,
      dispose: async () => {
        await platform.stop();
        await bus.dispose();
        await db.drop();
      },
    };
  } catch (err) {
    await bus.dispose();
    await db.drop();
    throw err;
  }
}
