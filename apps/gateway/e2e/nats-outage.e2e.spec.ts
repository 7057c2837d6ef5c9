/* eslint-disable @typescript-eslint/no-explicit-any */
import { createTestDatabase, freePort, startPlatform, waitFor, type RunningPlatform } from '@platform/testing';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { client } from './http-client';

// A NATS server of this test's own, so it can be stopped without touching the shared one.
const NATS_SERVER = ['/usr/sbin/nats-server', '/usr/bin/nats-server', '/usr/local/bin/nats-server'].find(existsSync);

function startNats(port: number, storeDir: string): ChildProcess {
  return spawn(NATS_SERVER!, ['-a', '127.0.0.1', '-p', String(port), '-js', '-sd', storeDir], { stdio: 'ignore' });
}

async function stopNats(nats: ChildProcess): Promise<void> {
  // A killed process has a signalCode and no exitCode: waiting for another 'exit' from it would never end.
  if (nats.exitCode !== null || nats.signalCode !== null) return;
  const exited = new Promise((r) => nats.once('exit', r));
  nats.kill('SIGKILL');
  await exited;
}

describe('when NATS goes down', () => {
  let platform: RunningPlatform;
  let nats: ChildProcess;
  let api: ReturnType<typeof client>;
  let port: number;
  let storeDir: string;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    if (!NATS_SERVER)
      throw new Error('nats-server is not installed (npm test installs it through tools/dev/ensure-services.mjs)');
    port = await freePort();
    storeDir = mkdtempSync(join(tmpdir(), 'nats-outage-'));
    nats = startNats(port, storeDir);
    const db = await createTestDatabase('e2e_nats_outage');
    drop = db.drop;
    platform = await startPlatform({
      databaseUrl: db.url,
      busPrefix: 'outage',
      env: { NATS_URL: `nats://127.0.0.1:${port}`, RPC_TIMEOUT_MS: '2000' },
    });
    api = client(platform.baseUrl, platform.token, { contracts: true });
  });

  afterAll(async () => {
    await platform?.stop();
    if (nats) await stopNats(nats);
    await drop?.();
    if (storeDir) rmSync(storeDir, { recursive: true, force: true });
  });

  it('answers 503 naming NATS, writes nothing, and recovers when NATS is back', async () => {
    expect((await api('POST', '/api/v1/assistants', { body: { name: 'Before Outage' } })).status).toBe(201);
    await stopNats(nats);
    const res = await api('POST', '/api/v1/assistants', { body: { name: 'During Outage' } });
    expect(res.status).toBe(503);
    expect(res.contentType).toContain('application/problem+json');
    const ready = await api('GET', '/ready', { auth: false });
    expect(ready.status).toBe(503);
    expect(ready.body.down).toContain('nats');
    expect((await api('GET', '/health', { auth: false })).status).toBe(200);

    nats = startNats(port, storeDir);
    await waitFor(
      async () => (await api('GET', '/ready', { auth: false })).status === 200,
      'the platform to reconnect',
      30_000,
    );
    const search = await api('GET', '/api/v1/assistants/search?q=outage');
    expect(search.body.data.map((a: any) => a.name)).toEqual(['Before Outage']);
    expect((await api('POST', '/api/v1/assistants', { body: { name: 'After Outage' } })).status).toBe(201);
  });
});
