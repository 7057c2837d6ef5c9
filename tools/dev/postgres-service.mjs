// PostgreSQL for the dev box: reuse the server DATABASE_URL points at, else start (or install) a local
// Debian cluster on that port, then make sure the database exists.
import fs from 'node:fs';
import pg from 'pg';
import { Missing, aptInstall, canApt, canConnect, isLocalHost, isRoot, run, waitForPort, which } from './sys.mjs';

export const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/platform';
const TRUST_MARKER = '# platform dev box: local connections need no password';

/** Returns the one-line status for the report; throws Missing when PostgreSQL cannot be made usable. */
export async function ensurePostgres({ deadlineMs, log }) {
  const params = new pg.Client({ connectionString: process.env.DATABASE_URL || DEFAULT_DATABASE_URL }).connectionParameters;
  const endpoint = params.host.startsWith('/')
    ? { socketPath: `${params.host}/.s.PGSQL.${params.port}` }
    : { host: params.host, port: params.port };
  const where = endpoint.socketPath ?? `${params.host}:${params.port}`;
  let how = 'reachable';
  if (!(await canConnect(endpoint))) {
    if (!isLocalHost(params.host)) {
      throw new Missing(`nothing answers at ${where} (DATABASE_URL): start that server or point DATABASE_URL at a reachable one`);
    }
    how = startLocalCluster(params.port, log);
    if (!(await waitForPort(endpoint, deadlineMs))) {
      throw new Missing(`${how}, but ${where} accepts no connections after ${deadlineMs / 1000} s; see /var/log/postgresql/`);
    }
  }
  const created = await ensureDatabase(params, where, deadlineMs);
  return `${how} at ${where}, database "${params.database}" ${created ? 'created' : 'ready'}`;
}

async function ensureDatabase(params, where, deadlineMs) {
  const { host, port, user, password, ssl } = params;
  const config = { host, port, user, password, ssl, connectionTimeoutMillis: 3000 };
  const deadline = Date.now() + deadlineMs;
  for (;;) {
    try {
      await query({ ...config, database: params.database }, 'SELECT 1');
      return false;
    } catch (err) {
      if (err.code === '3D000') break; // database does not exist yet
      if (!isTransient(err) || Date.now() > deadline) throw explain(err, params, where);
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  try {
    await query({ ...config, database: 'postgres' }, `CREATE DATABASE "${params.database.replaceAll('"', '""')}"`);
  } catch (err) {
    if (err.code !== '42P04') throw explain(err, params, where); // 42P04: created concurrently, fine
  }
  return true;
}

async function query(config, sql) {
  const client = new pg.Client(config);
  client.on('error', () => {}); // a dropped connection surfaces through the awaited calls below
  try {
    await client.connect();
    await client.query(sql);
  } finally {
    await client.end().catch(() => {});
  }
}

const isTransient = (err) =>
  err.code === '57P03' || ['ECONNREFUSED', 'ECONNRESET'].includes(err.code) || /terminated unexpectedly/.test(err.message);

function explain(err, params, where) {
  if (/role .* does not exist/.test(err.message)) {
    return new Missing(`${where}: ${err.message}: name an existing user in DATABASE_URL (e.g. postgres) or create it (createuser -s ${params.user})`);
  }
  if (['28P01', '28000'].includes(err.code) || /password|SASL/i.test(err.message)) {
    const hba = clusters().find((c) => c.port === params.port);
    const file = hba ? ` (${hbaFile(hba)})` : '';
    return new Missing(
      `${where} refused user "${params.user}": ${err.message}. On a dev box, let local connections in without a password: ` +
        `put "host all all 127.0.0.1/32 trust" first in pg_hba.conf${file} and reload PostgreSQL; or give the password in DATABASE_URL or PGPASSWORD`,
    );
  }
  if (err.code === '42501') {
    return new Missing(`database "${params.database}" is missing and user "${params.user}" may not create it: create it as a superuser (createdb ${params.database})`);
  }
  return new Missing(`${where}: ${err.message}`);
}

/** Debian clusters from pg_lsclusters; empty when the tools are not installed. */
function clusters() {
  if (!which('pg_lsclusters')) return [];
  return run('pg_lsclusters', ['--no-header'])
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => {
      const [version, name, port, status, owner] = line.trim().split(/\s+/);
      return { version, name, port: Number(port), online: status.startsWith('online'), owner };
    });
}

const hbaFile = (c) => `/etc/postgresql/${c.version}/${c.name}/pg_hba.conf`;

/** Starts the local cluster set to `port`, installing PostgreSQL first where we may; returns what it did. */
function startLocalCluster(port, log) {
  let fresh = false;
  if (!which('pg_lsclusters')) {
    if (!canApt()) throw new Missing(notInstalledHelp(port));
    log('PostgreSQL is not installed; installing it with apt-get (takes a minute) ...');
    aptInstall(['postgresql']);
    fresh = true;
  }
  let all = clusters();
  if (all.length === 0) {
    const version = newestServerVersion();
    if (!version || !isRoot()) {
      throw new Missing(`PostgreSQL is installed but has no cluster: as root run pg_createcluster ${version ?? '<version>'} main --port ${port}`);
    }
    log(`creating cluster ${version}/main on port ${port} ...`);
    run('pg_createcluster', [version, 'main', '--port', String(port)]);
    fresh = true;
    all = clusters();
  }
  const cluster = all.find((c) => c.port === port);
  const id = cluster && `${cluster.version}/${cluster.name}`;
  if (!cluster) {
    const known = all.map((c) => `${c.version}/${c.name} on ${c.port}${c.online ? '' : ' (down)'}`).join(', ');
    throw new Missing(
      `nothing listens on port ${port} and no local PostgreSQL cluster uses that port (${known}): ` +
        `point DATABASE_URL at one of those, or create one: pg_createcluster <version> <name> --port ${port} --start`,
    );
  }
  if (fresh) trustLocalConnections(cluster, log);
  if (cluster.online) {
    if (!fresh) throw new Missing(`cluster ${id} runs but accepts no TCP connections on port ${port}: check listen_addresses in its postgresql.conf`);
    run('pg_ctlcluster', ['--skip-systemctl-redirect', cluster.version, cluster.name, 'reload']);
    return `installed PostgreSQL ${id}`;
  }
  try {
    run('pg_ctlcluster', ['--skip-systemctl-redirect', cluster.version, cluster.name, 'start']);
  } catch (err) {
    throw new Missing(`could not start cluster ${id} (run this as root or as ${cluster.owner}): ${err.message}`);
  }
  return `${fresh ? 'installed and ' : ''}started cluster ${id}`;
}

function newestServerVersion() {
  try {
    return fs.readdirSync('/usr/lib/postgresql').sort((a, b) => Number(b) - Number(a))[0] ?? null;
  } catch {
    return null;
  }
}

/** A fresh Debian install asks for peer/password auth; a dev box wants the passwordless local URL to work. */
function trustLocalConnections(cluster, log) {
  const file = hbaFile(cluster);
  const current = fs.readFileSync(file, 'utf8');
  if (current.includes(TRUST_MARKER)) return;
  const lines = [TRUST_MARKER, 'local all all trust', 'host all all 127.0.0.1/32 trust', 'host all all ::1/128 trust'];
  fs.writeFileSync(file, `${lines.join('\n')}\n\n${current}`);
  log(`dev box: local connections need no password now (trust auth first in ${file})`);
}

function notInstalledHelp(port) {
  const asRoot = which('apt-get') ? ' (run this as root, e.g. sudo npm run services, to have it installed with apt-get)' : '';
  return [
    `nothing listens on 127.0.0.1:${port} and PostgreSQL is not installed${asRoot}. Get one of:`,
    '  Debian/Ubuntu: sudo apt-get install -y postgresql',
    '  macOS: brew install postgresql@15 && brew services start postgresql@15',
    `  Docker: docker run -d -p ${port}:5432 -e POSTGRES_HOST_AUTH_METHOD=trust postgres:15`,
    'or set DATABASE_URL to a reachable server.',
  ].join('\n');
}
