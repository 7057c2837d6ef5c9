#!/usr/bin/env node
// Runs the built platform locally: every app as its own Node process (backends first, then the gateway),
// their output prefixed per app, until Ctrl-C / SIGTERM, or until one app dies on its own (then the others
// are stopped and this exits non-zero); it exits once every app has. Expects `npm run build` and `npm run services`
// first: `npm start` does both, then execs this script (`exec node ...`), so that the signal npm passes on when it
// is stopped reaches this process and not a shell that would die and leave the apps running.
//
//   PORT                       gateway port, default 3000
//   ADMIN_TOKEN                else .platform/admin-token, generated on first start
//   PLATFORM_APPS              override the app list (see platform-apps.js)
//   PLATFORM_STOP_GRACE_MS     SIGTERM to SIGKILL grace, default 10000
//   PLATFORM_READY_TIMEOUT_MS  how long to wait for GET /ready, default 60000
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { announceToken, ensureAdminToken } from './admin-token.mjs';
import { EDGE_APP, platformApps, REPO_ROOT, spawnApp, waitForReady } from './platform-apps.js';

const graceMs = Number(process.env.PLATFORM_STOP_GRACE_MS) || 10_000;
const readyTimeoutMs = Number(process.env.PLATFORM_READY_TIMEOUT_MS) || 60_000;
const SAME_REQUEST_MS = 1000;
const gatewayUrl = `http://127.0.0.1:${process.env.PORT || 3000}`;
const color = process.env.NO_COLOR ? false : Boolean(process.env.FORCE_COLOR) || process.stdout.isTTY;
const paint = (code, text) => (color ? `\x1b[${code}m${text}\x1b[0m` : text);
const PALETTE = ['36', '33', '35', '32', '34', '96', '93', '95'];

const apps = platformApps();
const unbuilt = apps.filter((app) => !fs.existsSync(app.entry));
if (unbuilt.length > 0) {
  const list = unbuilt.map((app) => path.relative(REPO_ROOT, app.entry)).join(', ');
  console.error(`start: not built yet: ${list}; run \`npm run build\` first`);
  process.exit(1);
}

const token = ensureAdminToken();
if (token.source === 'generated') console.log(announceToken(token));

const width = Math.max(...apps.map((app) => app.name.length)) + 2;
const running = new Map(); // app name -> child process
let stopping = false;
let exitCode = 0;

apps.forEach((app, i) => launch(app, paint(PALETTE[i % PALETTE.length], `[${app.name}]`.padEnd(width))));
if (apps.some((app) => app.name === EDGE_APP)) void announceWhenReady();

// `npm start` execs this script, so npm passes its SIGINT/SIGTERM on to us. A terminal's Ctrl-C reaches npm and us
// both: one keypress, two signals. So a signal within a second of the first one is that same request; a later one
// (a second Ctrl-C) means no more waiting.
let firstSignalAt = 0;
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    if (stopping) {
      if (Date.now() - firstSignalAt < SAME_REQUEST_MS) return;
      return killAll('SIGKILL');
    }
    firstSignalAt = Date.now();
    console.log(`\nstopping ${[...running.keys()].join(', ')} ...`);
    stopAll();
  });
}
// Last resort (an exception in this script): never leave apps running without their supervisor.
process.on('exit', () => killAll('SIGKILL'));

function launch(app, prefix) {
  const env = app.name === EDGE_APP ? { ...process.env, ADMIN_TOKEN: token.token } : process.env;
  // Own process group: the terminal's Ctrl-C reaches only us, and we stop the apps in order with SIGTERM.
  const child = spawnApp(app, { env, detached: true });
  running.set(app.name, child);
  prefixLines(child.stdout, process.stdout, prefix);
  prefixLines(child.stderr, process.stderr, prefix);
  child.on('error', (err) => console.error(`${prefix} ${err.message}`));
  child.on('close', (code, signal) => {
    running.delete(app.name);
    const how = signal ? `signal ${signal}` : `code ${code}`;
    if (!stopping) {
      console.error(`${prefix} exited unexpectedly (${how}); stopping the others`);
      exitCode = 1;
      stopAll();
    } else if (code !== 0 && signal !== 'SIGTERM') {
      console.error(`${prefix} stopped with ${how}`);
    }
    if (running.size === 0) process.exit(exitCode);
  });
}

function prefixLines(from, to, prefix) {
  readline.createInterface({ input: from, crlfDelay: Infinity }).on('line', (line) => to.write(`${prefix} ${line}\n`));
}

function stopAll() {
  if (stopping) return;
  stopping = true;
  killAll('SIGTERM');
  setTimeout(() => {
    if (running.size === 0) return;
    console.error(`still running after ${graceMs / 1000} s: ${[...running.keys()].join(', ')}; killing`);
    killAll('SIGKILL');
  }, graceMs);
}

function killAll(signal) {
  for (const child of running.values()) {
    try {
      process.kill(-child.pid, signal); // the whole group, in case an app started helpers
    } catch {
      child.kill(signal);
    }
  }
}

async function announceWhenReady() {
  try {
    await waitForReady(gatewayUrl, { timeoutMs: readyTimeoutMs, failed: () => (stopping ? 'stopping' : undefined) });
    console.log(paint('1;32', `Platform ready: ${gatewayUrl} (API docs /api/docs)`));
  } catch (err) {
    if (!stopping) console.error(`gateway not ready: ${err.message}`);
  }
}
