import { freePort, platformApps, spawnApp, stopApp, waitForReady } from '@platform/dev';
import { derivedBusPrefix, INSTALLATION_QUERY, installationIdOf } from '@platform/contracts';
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createTestBus, type TestBus } from './test-bus';
import { createTestDatabase } from './test-database';

export { freePort };

export interface RunningPlatform {
  baseUrl: string;
  token: string;
  processes: Map<string, ChildProcess>;
  output: () => string;
  stop(app?: string): Promise<void>;
  start(app: string): Promise<void>;
  /** One more gateway process of this platform, on a port of its own (as a second replica would run). */
  startGateway(): Promise<{ baseUrl: string; stop(): Promise<void> }>;
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
  throw new Error(`Timed out waiting for: ${what}${lastError ? `: ${String(lastError)}` : ''}`);
}

/**
 * Starts the built apps as separate processes, as `npm start` does (the registry's services, then the gateway),
 * isolated by database and bus prefix, and waits until the gateway says ready.
 */
export async function startPlatform(opts: {
  databaseUrl: string;
  /** Omitted: the platform derives its prefix from its database, as it does for users. */
  busPrefix?: string;
  env?: Record<string, string>;
  /** Settings for one app only (a HEALTH_PORT, say, which two processes cannot share). */
  appEnv?: Record<string, Record<string, string>>;
}): Promise<RunningPlatform> {
  const port = await freePort();
  const token = `test-token-${randomBytes(16).toString('hex')}`;
  const env = {
    ...process.env,
    DATABASE_URL: opts.databaseUrl,
    BUS_PREFIX: opts.busPrefix,
    ADMIN_TOKEN: token,
    PORT: String(port),
    ...opts.env,
  };
  if (!opts.busPrefix) delete env.BUS_PREFIX;
  const apps = new Map(platformApps({ env }).map((app) => [app.name, app]));
  const processes = new Map<string, ChildProcess>();
  let log = '';
  const start = async (name: string) => {
    const app = apps.get(name);
    if (!app) throw new Error(`"${name}" is not one of the platform's apps (${[...apps.keys()].join(', ')})`);
    processes.set(
      name,
      spawnApp(app, {
        env: { ...env, ...opts.appEnv?.[name] },
        onOutput: (from, chunk) => (log += `[${from}] ${chunk}`),
      }),
    );
  };
  const stop = async (name?: string) => {
    const names = name ? [name] : [...processes.keys()].reverse();
    await Promise.all(
      names.map(async (n) => {
        const child = processes.get(n);
        processes.delete(n);
        if (child) await stopApp(child, 5000);
      }),
    );
  };
  for (const name of apps.keys()) await start(name);
  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    await waitForReady(baseUrl, {
      failed: () => [...processes].find(([, c]) => c.exitCode !== null)?.[0]?.concat(' exited'),
    });
  } catch (err) {
    await stop();
    throw new Error(`${(err as Error).message}\n${log}`);
  }
  const startGateway = async () => {
    const gatewayPort = await freePort();
    const child = spawnApp(apps.get('gateway')!, {
      env: { ...env, PORT: String(gatewayPort) },
      onOutput: (from, chunk) => (log += `[${from}:${gatewayPort}] ${chunk}`),
    });
    const url = `http://127.0.0.1:${gatewayPort}`;
    try {
      await waitForReady(url, { failed: () => (child.exitCode !== null ? 'the second gateway exited' : undefined) });
    } catch (err) {
      await stopApp(child, 5000);
      throw err;
    }
    return { baseUrl: url, stop: () => stopApp(child, 5000) };
  };
  return { baseUrl, token, processes, output: () => log, stop, start, startGateway };
}

/** The bus prefix a platform on this database derives when BUS_PREFIX is not set. */
export async function derivedPrefixOf(databaseUrl: string): Promise<string> {
  const { Client } = await import('pg');
  const pg = new Client({ connectionString: databaseUrl });
  await pg.connect();
  try {
    const { rows } = await pg.query<{ system: string; db: string }>(INSTALLATION_QUERY);
    return derivedBusPrefix(installationIdOf(rows[0].system, rows[0].db));
  } finally {
    await pg.end();
  }
}

/** Runs one of the platform's apps alone until it exits (or is stopped after `timeoutMs`): exit code and output. */
export async function runAppUntilExit(
  name: string,
  env: Record<string, string | undefined>,
  timeoutMs = 20_000,
): Promise<{ code: number | null; output: string }> {
  const app = platformApps().find((a) => a.name === name);
  if (!app) throw new Error(`"${name}" is not one of the platform's apps`);
  let output = '';
  const child = spawnApp(app, { env: { ...process.env, ...env }, onOutput: (_, chunk) => (output += chunk) });
  const timer = setTimeout(() => void stopApp(child, 1000), timeoutMs);
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  clearTimeout(timer);
  return { code, output };
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
  /** The bus prefix of the run: every subject and stream name of the platform starts with it. */
  busPrefix: string;
  /** The NATS server it uses (`NATS_URL`). */
  natsUrl: string;
  /** Everything the platform published on its JetStream stream so far. */
  busEvents: TestBus['events'];
  /** Stops the processes, then removes the run's database and streams. */
  dispose(): Promise<void>;
}

/** The whole platform as separate processes, on a database and bus prefix of its own (for end-to-end tests). */
export async function startIsolatedPlatform(
  label: string,
  env: Record<string, string> = {},
  appEnv: Record<string, Record<string, string>> = {},
): Promise<IsolatedPlatform> {
  const db = await createTestDatabase(label);
  const bus = createTestBus(label);
  try {
    const platform = await startPlatform({ databaseUrl: db.url, busPrefix: bus.prefix, env, appEnv });
    return {
      ...platform,
      databaseUrl: db.url,
      databaseName: db.name,
      busPrefix: bus.prefix,
      natsUrl: bus.natsUrl,
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
