import { createTestBus, createTestDatabase, freePort, type TestBus, type TestDatabase } from '@platform/testing';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';

// `npm start` as a user, an IDE, `timeout` or a process manager runs it: stopped with a signal, it must stop every
// app it started and only then exit. It builds first (incremental: a few seconds when dist is fresh), hence the
// long timeouts. Needs PostgreSQL and NATS, like every int test.
const ROOT = join(__dirname, '..');
const START_TIMEOUT_MS = 180_000; // ensure services + build + every app ready
const STOP_GRACE_MS = 5_000; // start.mjs: SIGTERM to SIGKILL
const EXIT_TIMEOUT_MS = STOP_GRACE_MS + 15_000;

/** Every process but this one whose environment holds `NAME=value`: what `npm start` and its children inherited. */
function processesWith(variable: string): { pid: number; command: string }[] {
  const found: { pid: number; command: string }[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      if (!readFileSync(`/proc/${entry}/environ`, 'latin1').split('\0').includes(variable)) continue;
      found.push({
        pid: Number(entry),
        command: readFileSync(`/proc/${entry}/cmdline`, 'latin1').split('\0').join(' ').trim(),
      });
    } catch {
      // exited meanwhile
    }
  }
  return found;
}

const listening = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect({ port, host: '127.0.0.1' });
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });

const exited = (child: ChildProcess, timeoutMs: number) =>
  new Promise<{ code: number | null; signal: NodeJS.Signals | null } | 'timeout'>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null)
      return resolve({ code: child.exitCode, signal: child.signalCode });
    const timer = setTimeout(() => resolve('timeout'), timeoutMs);
    child.once('exit', (code, signal) => (clearTimeout(timer), resolve({ code, signal })));
  });

async function eventually(check: () => Promise<boolean> | boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return true;
    if (Date.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('npm start', () => {
  let db: TestDatabase;
  let bus: TestBus;
  let port: number;
  let marker: string; // NAME=value in the environment of `npm start`, so of everything it starts
  let npm: ChildProcess | undefined;
  let output: string;

  beforeEach(async () => {
    db = await createTestDatabase('npm_start');
    bus = createTestBus('npm_start');
    port = await freePort();
    marker = `PLATFORM_START_TEST=${randomBytes(8).toString('hex')}`;
    output = '';
  });

  afterEach(async () => {
    if (npm && npm.exitCode === null && npm.signalCode === null) {
      npm.kill('SIGKILL');
      await exited(npm, 5_000);
    }
    npm = undefined;
    // Whatever a failed run left behind: all of it was started by this test.
    for (const { pid } of processesWith(marker)) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    await bus.dispose();
    await db.drop();
  });

  /** Runs `npm start` in a process group of its own (as a terminal would) and waits for the ready line. */
  async function startNpm(): Promise<ChildProcess> {
    const [name, value] = marker.split('=');
    const child = spawn('npm', ['start'], {
      cwd: ROOT,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        ...bus.env,
        DATABASE_URL: db.url,
        PORT: String(port),
        ADMIN_TOKEN: `start-test-${randomBytes(24).toString('hex')}`,
        PLATFORM_STOP_GRACE_MS: String(STOP_GRACE_MS),
        NO_COLOR: '1',
        [name]: value,
      },
    });
    npm = child;
    child.stdout!.on('data', (chunk) => (output += chunk));
    child.stderr!.on('data', (chunk) => (output += chunk));
    const ready = `Platform ready: http://127.0.0.1:${port}`;
    const up = await eventually(
      () => output.includes(ready) || child.exitCode !== null || child.signalCode !== null,
      START_TIMEOUT_MS,
    );
    if (!up || !output.includes(ready)) throw new Error(`npm start did not get ready:\n${output}`);
    expect(await listening(port)).toBe(true);
    expect(processesWith(marker).length).toBeGreaterThan(2); // npm, start.mjs and the apps at least
    return child;
  }

  /** After the signal: npm exits, and within a few seconds nothing it started is left, the gateway port free. */
  async function expectEverythingStopped(child: ChildProcess) {
    const exit = await exited(child, EXIT_TIMEOUT_MS);
    expect(exit).not.toBe('timeout');
    const clean = await eventually(async () => processesWith(marker).length === 0 && !(await listening(port)), 5_000);
    const left = processesWith(marker)
      .map((p) => `${p.pid} ${p.command}`)
      .join('\n');
    expect({ clean, left, gatewayPortInUse: await listening(port) }).toEqual({
      clean: true,
      left: '',
      gatewayPortInUse: false,
    });
  }

  it(
    'stops every app it started and exits on SIGTERM sent to npm alone (timeout, IDEs, process managers)',
    async () => {
      const child = await startNpm();
      child.kill('SIGTERM');
      await expectEverythingStopped(child);
      expect(output).toMatch(/stopping /);
      expect(output).not.toMatch(/SIGKILL|killing/);
    },
    START_TIMEOUT_MS + EXIT_TIMEOUT_MS + 30_000,
  );

  it(
    'stops its apps gracefully on one Ctrl-C (SIGINT to the whole foreground process group)',
    async () => {
      const child = await startNpm();
      process.kill(-child.pid!, 'SIGINT'); // what the terminal does: npm and the script get it, not the apps
      await expectEverythingStopped(child);
      // One keypress is one request to stop gracefully, even if it reaches the script twice; no app is killed.
      expect(output).not.toMatch(/SIGKILL|killing/);
    },
    START_TIMEOUT_MS + EXIT_TIMEOUT_MS + 30_000,
  );
});
