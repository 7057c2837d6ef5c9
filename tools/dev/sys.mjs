// Small machine helpers shared by the dev tools: port probes with deadlines, program lookup, apt installs.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** A problem the user has to fix; its message says what is wrong and how to fix it. */
export class Missing extends Error {}

export const isRoot = () => process.getuid?.() === 0;

/** True for addresses that mean "this machine", where starting a server ourselves makes sense. */
export function isLocalHost(host) {
  return !host || host.startsWith('/') || host === 'localhost' || host === '::1' || host === '0.0.0.0' || host.startsWith('127.');
}

/** Resolves once a TCP (or Unix socket) connection succeeds, false on refusal or after timeoutMs. */
export function canConnect({ host, port, socketPath }, timeoutMs = 500) {
  return new Promise((resolve) => {
    const socket = socketPath ? net.connect({ path: socketPath }) : net.connect({ host, port });
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/** Polls until the endpoint accepts connections; false when the deadline passes first. */
export async function waitForPort(endpoint, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await canConnect(endpoint, 500)) return true;
    await new Promise((r) => setTimeout(r, 150));
  }
  return false;
}

/** Finds an executable on PATH, then in the sbin folders a non-root PATH often lacks. */
export function which(program) {
  const dirs = [...(process.env.PATH ?? '').split(path.delimiter), '/usr/local/sbin', '/usr/sbin', '/sbin'];
  for (const dir of dirs.filter(Boolean)) {
    const candidate = path.join(dir, program);
    try {
      if (fs.statSync(candidate).isFile()) {
        fs.accessSync(candidate, fs.constants.X_OK);
        return candidate;
      }
    } catch {
      // not here; keep looking
    }
  }
  return null;
}

/** Runs a program to completion; throws Missing with the tail of its output when it fails. */
export function run(program, args, options = {}) {
  const result = spawnSync(program, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...options });
  if (result.error || result.status !== 0) {
    const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim().split('\n').slice(-15).join('\n  ');
    const why = result.error ? result.error.message : `exit code ${result.status}`;
    throw new Missing(`\`${[program, ...args].join(' ')}\` failed (${why})${output ? `:\n  ${output}` : ''}`);
  }
  return result.stdout ?? '';
}

export const canApt = () => isRoot() && which('apt-get') !== null;

let aptUpdated = false;

/** Installs Debian packages non-interactively (root only); the package lists are refreshed once per run. */
export function aptInstall(packages) {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  if (!aptUpdated) {
    run('apt-get', ['update'], { env });
    aptUpdated = true;
  }
  run('apt-get', ['install', '-y', '--no-install-recommends', ...packages], { env });
}

/** The last lines of a log file, for error messages; empty when it cannot be read. */
export function tail(file, lines = 10) {
  try {
    return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n  ');
  } catch {
    return '';
  }
}
