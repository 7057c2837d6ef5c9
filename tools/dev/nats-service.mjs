// NATS for the dev box: reuse the server NATS_URL points at, else start (or install) a local nats-server
// with JetStream on that port; either way prove JetStream answers.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import nats from 'nats';
import { Missing, REPO_ROOT, aptInstall, canApt, canConnect, isLocalHost, isRoot, tail, waitForPort, which } from './sys.mjs';

export const DEFAULT_NATS_URL = 'nats://127.0.0.1:4222';

/** Returns the one-line status for the report; throws Missing when NATS with JetStream cannot be had. */
export async function ensureNats({ deadlineMs, log }) {
  const url = (process.env.NATS_URL || DEFAULT_NATS_URL).split(',')[0].trim();
  const parsed = new URL(url.includes('://') ? url : `nats://${url}`);
  const host = parsed.hostname.replace(/^\[|\]$/g, '') || '127.0.0.1';
  const port = Number(parsed.port || 4222);
  const where = `${host}:${port}`;
  let how = 'reachable';
  if (!(await canConnect({ host, port }))) {
    if (!isLocalHost(host)) {
      throw new Missing(`nothing answers at ${where} (NATS_URL): start that server or point NATS_URL at a reachable one`);
    }
    const started = await startLocalServer(host, port, log);
    how = started.how;
    if (!(await waitForPort({ host, port }, deadlineMs))) {
      const lines = tail(started.logFile);
      throw new Missing(`${how}, but ${where} accepts no connections after ${deadlineMs / 1000} s${lines ? `; its log ends:\n  ${lines}` : ''}`);
    }
  }
  await checkJetStream(url, where);
  return `${how} at ${where}, JetStream on`;
}

async function checkJetStream(url, where) {
  let nc;
  try {
    nc = await nats.connect({ servers: url, timeout: 3000, reconnect: false, name: 'ensure-services' });
  } catch (err) {
    throw new Missing(`${where} accepts TCP connections but the NATS handshake failed: ${err.message}`);
  }
  try {
    const jsm = await nc.jetstreamManager({ checkAPI: false, timeout: 3000 });
    await jsm.getAccountInfo();
  } catch (err) {
    throw new Missing(
      `NATS at ${where} answers but JetStream is off (${err.message}). Restart it with JetStream enabled: ` +
        'nats-server -js -sd <data dir> (or "jetstream: enabled" in its config file)',
    );
  } finally {
    await nc.close();
  }
}

/**
 * Root keeps the server's state in the system folders (one server serves every checkout on the machine);
 * anyone else keeps it under the repo's gitignored .platform/.
 */
function serverFiles(port) {
  const suffix = port === 4222 ? '' : `-${port}`;
  if (isRoot()) {
    return {
      storeDir: `/var/lib/nats-server${suffix}`,
      logFile: `/var/log/nats-server${suffix}.log`,
      pidFile: `/run/nats-server${suffix}.pid`,
    };
  }
  const dir = path.join(REPO_ROOT, '.platform', `nats${suffix}`);
  return { storeDir: path.join(dir, 'data'), logFile: path.join(dir, 'nats-server.log'), pidFile: path.join(dir, 'nats-server.pid') };
}

async function startLocalServer(host, port, log) {
  let binary = which('nats-server');
  let installed = '';
  if (!binary) {
    if (!canApt()) throw new Missing(notInstalledHelp(port));
    log('nats-server is not installed; installing it with apt-get ...');
    aptInstall(['nats-server']);
    binary = which('nats-server');
    installed = 'installed nats-server, ';
    if (!binary) throw new Missing('apt-get installed nats-server but no nats-server program was found afterwards');
    // The package may have started its own service; the JetStream check decides whether it will do.
    if (await canConnect({ host, port })) return { how: `${installed}its service is running`, logFile: '' };
  }
  const files = serverFiles(port);
  for (const dir of [files.storeDir, path.dirname(files.logFile), path.dirname(files.pidFile)]) fs.mkdirSync(dir, { recursive: true });
  const bind = host === 'localhost' || host === '' ? '127.0.0.1' : host;
  const args = ['-a', bind, '-p', String(port), '-js', '-sd', files.storeDir, '-l', files.logFile];
  const daemon = which('start-stop-daemon');
  if (daemon) {
    const ssd = ['--start', '--oknodo', '--background', '--make-pidfile', '--pidfile', files.pidFile, '--exec', binary, '--', ...args];
    const result = spawnSync(daemon, ssd, { encoding: 'utf8' });
    if (result.status !== 0) throw new Missing(`could not start nats-server: ${result.stderr || result.stdout || result.error?.message}`);
  } else {
    const child = spawn(binary, args, { detached: true, stdio: 'ignore' });
    child.unref();
    fs.writeFileSync(files.pidFile, `${child.pid}\n`);
  }
  return { how: `${installed}started nats-server -js (data ${files.storeDir}, log ${files.logFile})`, logFile: files.logFile };
}

function notInstalledHelp(port) {
  const asRoot = which('apt-get') ? ' (run this as root, e.g. sudo npm run services, to have it installed with apt-get)' : '';
  return [
    `nothing listens on 127.0.0.1:${port} and nats-server is not installed${asRoot}. Get one of:`,
    '  Debian/Ubuntu: sudo apt-get install -y nats-server   (this script then starts it with JetStream)',
    '  macOS: brew install nats-server                      (likewise)',
    `  Docker: docker run -d -p ${port}:4222 nats:2 -js`,
    'or set NATS_URL to a reachable server that has JetStream enabled.',
  ].join('\n');
}
