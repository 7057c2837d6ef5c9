// The one place that knows which apps the platform runs and how each is started: the backend services of the
// registry in libs/contracts (read from the build), then the gateway. `npm start`, the end-to-end tests and the
// benchmarks all start the platform through here. CommonJS, so TypeScript tests and .mjs tools share it.
//   PLATFORM_APPS  overrides the list: "name" or "name=path/to/entry.js", comma separated.
const { spawn } = require('node:child_process');
const net = require('node:net');
const fs = require('node:fs');
const path = require('node:path');

const REPO_ROOT = path.resolve(__dirname, '..', '..');
const EDGE_APP = 'gateway';

const builtEntry = (root, name) => path.join(root, 'dist', 'apps', name, 'src', 'main.js');

/** The registered backend services, as the build of libs/contracts has them. */
function registeredServices(root = REPO_ROOT) {
  const registry = path.join(root, 'dist', 'libs', 'contracts', 'src', 'registry', 'services.js');
  if (!fs.existsSync(registry)) throw new Error(`${path.relative(root, registry)} is missing: run "npm run build" first`);
  return require(registry).PLATFORM_SERVICES.map((s) => s.name);
}

/** @returns {{ name: string, entry: string }[]} backends first, the gateway last (it needs the others). */
function platformApps({ root = REPO_ROOT, env = process.env } = {}) {
  if (env.PLATFORM_APPS) {
    return env.PLATFORM_APPS.split(',')
      .map((item) => item.trim())
      .filter(Boolean)
      .map((item) => {
        const [name, entry] = item.split('=');
        return { name, entry: entry ? path.resolve(root, entry) : builtEntry(root, name) };
      });
  }
  return [...registeredServices(root), EDGE_APP].map((name) => ({ name, entry: builtEntry(root, name) }));
}

/** Starts one built app as its own Node process; `onOutput` gets each chunk of its stdout and stderr. */
function spawnApp(app, { env = process.env, onOutput, detached = false } = {}) {
  if (!fs.existsSync(app.entry)) {
    throw new Error(`${path.relative(REPO_ROOT, app.entry)} is missing: run "npm run build" first`);
  }
  // PLATFORM_NODE_ARGS: extra node options for every app, e.g. `--cpu-prof --cpu-prof-dir=profiles` to profile a run.
  const nodeArgs = (env.PLATFORM_NODE_ARGS ?? '').split(/\s+/).filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, app.entry], { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'], detached });
  if (onOutput) {
    child.stdout.on('data', (chunk) => onOutput(app.name, chunk));
    child.stderr.on('data', (chunk) => onOutput(app.name, chunk));
  }
  return child;
}

/** SIGTERM, then SIGKILL after `graceMs`; resolves when the process has exited. */
async function stopApp(child, graceMs = 10_000) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const gone = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await gone;
  clearTimeout(timer);
}

/**
 * Polls GET /ready until it answers 200. `failed()` may return a reason to give up early (an app died).
 * Rejects with the last answer at the deadline.
 */
async function waitForReady(baseUrl, { timeoutMs = 60_000, failed = () => undefined } = {}) {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer';
  for (;;) {
    const reason = failed();
    if (reason) throw new Error(`${reason} before the gateway was ready`);
    try {
      const res = await fetch(`${baseUrl}/ready`, { signal: AbortSignal.timeout(2000) });
      if (res.status === 200) return;
      last = `${res.status} ${(await res.text()).slice(0, 300)}`;
    } catch (err) {
      last = err.cause?.code ?? err.message;
    }
    if (Date.now() > deadline) throw new Error(`GET ${baseUrl}/ready not 200 after ${timeoutMs / 1000} s: ${last}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A TCP port free on 127.0.0.1 right now (for a gateway started by a test or a benchmark). */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

module.exports = { REPO_ROOT, EDGE_APP, freePort, platformApps, registeredServices, spawnApp, stopApp, waitForReady };
