// The servers of the failover drill, all on loopback ports chosen free and in one temporary folder: a 3-node NATS
// JetStream cluster and a PostgreSQL formation of pg_auto_failover (monitor, primary, synchronous standby).
// Every process is started in a process group of its own and killed with it (kill -9 is the point of the drill).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { freePort } from '../dev/platform-apps.js';
import { isRoot, tail, waitForPort, which } from '../dev/sys.mjs';

const groups = new Set(); // process group ids of everything started here
process.on('exit', () => groups.forEach((pgid) => killGroup(pgid)));

function killGroup(pgid, signal = 'SIGKILL') {
  try {
    process.kill(-pgid, signal);
  } catch {
    // gone already
  }
}

/** Starts `program` detached (own process group), output appended to `logFile`. */
export function launch(program, args, { env = process.env, logFile, cwd } = {}) {
  const out = fs.openSync(logFile, 'a');
  const child = spawn(program, args, { env, cwd, detached: true, stdio: ['ignore', out, out] });
  fs.closeSync(out);
  groups.add(child.pid);
  child.once('exit', () => groups.delete(child.pid));
  return child;
}

/** kill -9 of the whole group; resolves once the leader has exited. */
export async function killHard(child) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const gone = new Promise((resolve) => child.once('exit', resolve));
  killGroup(child.pid);
  await gone;
}

const until = async (probe, what, timeoutMs) => {
  const deadline = Date.now() + timeoutMs;
  let last;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value) return value;
    } catch (err) {
      last = err;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}${last ? `: ${last.message}` : ''}`);
};

// ---------------------------------------------------------------------------------------------------------------
// NATS: three servers with JetStream, each routing to the other two.

export async function startNatsCluster(dir, { deadlineMs = 60_000 } = {}) {
  const binary = which('nats-server');
  if (!binary) throw new Error('nats-server is not installed (npm run services installs it as root)');
  const ports = [];
  for (let i = 0; i < 3; i++) ports.push({ client: await freePort(), cluster: await freePort() });
  const nodes = ports.map((p, i) => {
    const name = `n${i + 1}`;
    const home = path.join(dir, `nats-${name}`);
    fs.mkdirSync(home, { recursive: true });
    const routes = ports.filter((_, j) => j !== i).map((o) => `nats-route://127.0.0.1:${o.cluster}`);
    const conf = path.join(home, 'nats.conf');
    fs.writeFileSync(
      conf,
      [
        `server_name: ${name}`,
        `listen: 127.0.0.1:${p.client}`,
        `jetstream { store_dir: "${path.join(home, 'store')}", max_file_store: 1073741824, max_memory_store: 67108864 }`,
        `cluster { name: drill, listen: 127.0.0.1:${p.cluster}, routes: [${routes.join(', ')}] }`,
      ].join('\n') + '\n',
    );
    const node = {
      name,
      port: p.client,
      url: `nats://127.0.0.1:${p.client}`,
      logFile: path.join(home, 'nats-server.log'),
      child: undefined,
      start() {
        node.child = launch(binary, ['-c', conf, '-l', node.logFile], { logFile: path.join(home, 'stdout.log') });
      },
      async kill() {
        if (node.child) await killHard(node.child);
      },
    };
    return node;
  });
  nodes.forEach((n) => n.start());
  for (const n of nodes) {
    if (!(await waitForPort({ host: '127.0.0.1', port: n.port }, deadlineMs))) {
      throw new Error(`NATS node ${n.name} does not listen on ${n.port}; its log ends:\n  ${tail(n.logFile)}`);
    }
  }
  return { nodes, urls: nodes.map((n) => n.url).join(','), stop: () => Promise.all(nodes.map((n) => n.kill())) };
}

// ---------------------------------------------------------------------------------------------------------------
// PostgreSQL under pg_auto_failover. PostgreSQL refuses to run as root, so as root the formation runs as the
// `postgres` OS user (the Debian package's), in folders it owns.

const MONITOR_SETTINGS = {
  // Find a dead primary within seconds, not the default half minute; and let the standby take writes soon after.
  'pgautofailover.health_check_period': 1000,
  'pgautofailover.health_check_timeout': 1000,
  'pgautofailover.health_check_max_retries': 1,
  'pgautofailover.health_check_retry_delay': 500,
  'pgautofailover.node_considered_unhealthy_timeout': 3000,
  'pgautofailover.primary_demote_timeout': 3000,
};

export async function startFormation(dir, { pgautoctl, binDir, database, deadlineMs = 180_000, log }) {
  const home = path.join(dir, 'pg');
  fs.mkdirSync(home, { recursive: true });
  const asUser = isRoot() ? 'postgres' : null;
  if (asUser) spawnSync('chown', ['-R', `${asUser}:`, home]);
  const env = {
    ...process.env,
    PATH: `${binDir}:${process.env.PATH}`,
    XDG_CONFIG_HOME: path.join(home, 'config'),
    XDG_DATA_HOME: path.join(home, 'data'),
    XDG_RUNTIME_DIR: path.join(home, 'run'),
  };
  const cmd = (args) =>
    asUser ? ['runuser', ['-u', asUser, '--', 'env', ...envArgs(env), pgautoctl, ...args]] : [pgautoctl, args];
  const start = (args, logFile) => {
    const [program, argv] = cmd(args);
    return launch(program, argv, { env, logFile, cwd: home });
  };
  const monitorPort = await freePort();
  const monitorData = path.join(home, 'monitor');
  const common = ['--hostname', '127.0.0.1', '--listen', '127.0.0.1', '--auth', 'trust', '--no-ssl'];
  const monitor = start(
    ['create', 'monitor', '--pgdata', monitorData, '--pgport', String(monitorPort), ...common, '--run'],
    path.join(home, 'monitor.log'),
  );
  const monitorUrl = `postgres://postgres@127.0.0.1:${monitorPort}/pg_auto_failover`;
  const monitorQuery = async (sql, params = []) => {
    const c = new pg.Client({ connectionString: monitorUrl, connectionTimeoutMillis: 3000 });
    c.on('error', () => undefined);
    try {
      await c.connect();
      return (await c.query(sql, params)).rows;
    } finally {
      await c.end().catch(() => undefined);
    }
  };
  await until(() => monitorQuery('SELECT 1 FROM pgautofailover.formation LIMIT 1'), 'the monitor', deadlineMs);
  for (const [name, value] of Object.entries(MONITOR_SETTINGS))
    await monitorQuery(`ALTER SYSTEM SET ${name} = ${value}`);
  await monitorQuery('SELECT pg_reload_conf()');

  const nodes = [];
  for (const n of [1, 2]) {
    const node = { name: `node${n}`, port: await freePort(), data: path.join(home, `node${n}`), child: undefined };
    node.logFile = path.join(home, `${node.name}.log`);
    node.create = () =>
      (node.child = start(
        [
          'create',
          'postgres',
          '--pgdata',
          node.data,
          '--pgport',
          String(node.port),
          '--name',
          node.name,
          ...common,
          '--dbname',
          database,
          '--monitor',
          `${monitorUrl}?sslmode=prefer`,
          '--run',
        ],
        node.logFile,
      ));
    node.restart = () => (node.child = start(['run', '--pgdata', node.data], node.logFile));
    node.kill = async () => node.child && killHard(node.child);
    nodes.push(node);
  }
  const states = () =>
    monitorQuery('SELECT nodename AS name, reportedstate AS reported, goalstate AS goal FROM pgautofailover.node');
  const nodeUrl = (node) => `postgres://postgres@127.0.0.1:${node.port}/${database}`;
  const settled = async () => {
    const s = await states();
    return (
      s.length === 2 &&
      s.some((x) => x.reported === 'primary' && x.goal === 'primary') &&
      s.some((x) => x.reported === 'secondary' && x.goal === 'secondary')
    );
  };
  const checkpoint = (node) => query(nodeUrl(node), 'CHECKPOINT').catch(() => undefined);

  nodes[0].create();
  await until(
    async () => (await states()).some((x) => x.name === 'node1' && x.reported === 'single'),
    'the first node',
    deadlineMs,
  );
  nodes[1].create();
  // The standby's base backup waits for a checkpoint on the primary; ask for it instead of waiting for the timer.
  await until(async () => (await checkpoint(nodes[0]), settled()), 'primary and synchronous standby', deadlineMs);
  log?.(
    `pg_auto_failover formation up: monitor :${monitorPort}, ${nodes.map((n) => `${n.name} :${n.port}`).join(', ')}`,
  );

  return {
    nodes,
    monitorUrl,
    /** libpq-style: both hosts, the client finds the one taking writes. */
    uri: `postgres://postgres@${nodes.map((n) => `127.0.0.1:${n.port}`).join(',')}/${database}?target_session_attrs=read-write`,
    nodeUrl,
    states,
    settled,
    checkpoint,
    async primary() {
      const s = await states();
      const p = s.find((x) => ['primary', 'wait_primary', 'single'].includes(x.reported) && x.reported === x.goal);
      return p && nodes.find((n) => n.name === p.name);
    },
    stop: async () => {
      await Promise.all(nodes.map((n) => n.kill()));
      await killHard(monitor);
    },
  };
}

const envArgs = (env) => ['PATH', 'XDG_CONFIG_HOME', 'XDG_DATA_HOME', 'XDG_RUNTIME_DIR'].map((k) => `${k}=${env[k]}`);

export async function query(url, sql, params = []) {
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  c.on('error', () => undefined);
  try {
    await c.connect();
    return (await c.query(sql, params)).rows;
  } finally {
    await c.end().catch(() => undefined);
  }
}
