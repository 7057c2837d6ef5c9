import { startIsolatedPlatform, waitFor, type IsolatedPlatform } from '@platform/testing';
import { Agent, request } from 'node:http';
import { client, type Answer } from './http-client';
import { RawConnection } from './raw-http';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The promise's value, or 'timed out' after `ms`. */
async function within<T>(promise: Promise<T>, ms: number): Promise<T | 'timed out'> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<'timed out'>((r) => (timer = setTimeout(() => r('timed out'), ms)));
  try {
    return await Promise.race([promise, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/** One GET on a keep-alive agent: "200", "<status> <content type>", "refused", or "error <code>". */
function keepAliveGet(agent: Agent, url: string, token: string): Promise<string> {
  return new Promise((resolve) => {
    const req = request(url, { agent, headers: { authorization: `Bearer ${token}` } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode === 200 ? '200' : `${res.statusCode} ${res.headers['content-type']}`));
    });
    req.on('error', (err: NodeJS.ErrnoException) =>
      resolve(err.code === 'ECONNREFUSED' ? 'refused' : `error ${err.code}`),
    );
    req.end();
  });
}

describe('gateway shutdown', () => {
  let platform: IsolatedPlatform;

  beforeAll(async () => {
    platform = await startIsolatedPlatform('e2e_shutdown');
  });
  afterAll(() => platform?.dispose());

  it('on SIGTERM answers requests in flight for real, refuses later ones with 503 problem+json, and exits promptly', async () => {
    const api = client(platform.baseUrl, platform.token);
    const port = Number(new URL(platform.baseUrl).port);
    const gateway = platform.processes.get('gateway')!;
    const assistants = platform.processes.get('assistants')!;
    const exited = new Promise<number | null>((resolve) => gateway.once('exit', (code) => resolve(code)));

    // A keep-alive connection left idle after one answer: it must not hold the gateway open.
    const idle = await RawConnection.open(port);
    idle.write('GET /health HTTP/1.1\r\nHost: x\r\n\r\n');
    expect((await idle.waitFor(1, 5000)).map((r) => r.status)).toEqual([200]);

    // A keep-alive connection whose request is in flight when the signal comes.
    const busy = await RawConnection.open(port);
    const body = JSON.stringify({ name: 'In Flight Raw' });
    const post =
      `POST /api/v1/assistants HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${platform.token}\r\n` +
      `Content-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body}`;

    // A connection halfway through sending its request when the signal comes: it finishes after.
    const late = await RawConnection.open(port);
    late.write('GET /api/v1/assistants/types HTTP/1.1\r\nHost: x\r\n');

    let inFlight: Promise<Answer<{ id: string }>>[] = [];
    let resumed = 0;
    assistants.kill('SIGSTOP'); // subscribed but silent: the writes wait on it
    try {
      inFlight = Array.from({ length: 8 }, (_, i) =>
        api<{ id: string }>('POST', '/api/v1/assistants', { body: { name: `In Flight ${i}` } }),
      );
      busy.write(post);
      await sleep(500);
      gateway.kill('SIGTERM');
      await sleep(500);
      late.write(`Authorization: Bearer ${platform.token}\r\n\r\n`);
      await expect(fetch(`${platform.baseUrl}/health`)).rejects.toThrow(); // no new connections
      await sleep(200);
    } finally {
      assistants.kill('SIGCONT');
      resumed = Date.now();
    }

    const answers = await Promise.all(inFlight);
    expect(answers.map((a) => a.status)).toEqual(Array(8).fill(201));
    expect(new Set(answers.map((a) => a.body.id)).size).toBe(8);

    const [created] = await busy.waitFor(1, 5000);
    expect([created?.status, created?.headers.connection]).toEqual([201, 'close']);
    const [refused] = await late.waitFor(1, 5000);
    expect([refused?.status, refused?.headers['content-type'], refused?.headers.connection]).toEqual([
      503,
      expect.stringContaining('application/problem+json'),
      'close',
    ]);
    expect(JSON.parse(refused.body)).toMatchObject({ status: 503 });

    expect(await within(exited, 8000)).toBe(0);
    expect(Date.now() - resumed).toBeLessThan(3000);
    expect([idle.isClosed, busy.isClosed, late.isClosed]).toEqual([true, true, true]);
  });

  it('under keep-alive load, SIGTERM leaves each request a real answer or a 503 problem+json, never a reset', async () => {
    await platform.stop('gateway'); // whatever the test before left, a fresh gateway
    await platform.start('gateway');
    await waitFor(async () => (await fetch(`${platform.baseUrl}/ready`)).status === 200, 'the gateway to be ready');
    const gateway = platform.processes.get('gateway')!;
    const exited = new Promise<number | null>((resolve) => gateway.once('exit', (code) => resolve(code)));
    const agent = new Agent({ keepAlive: true, maxSockets: 16 });
    const outcomes = new Map<string, number>();
    let stop = false;
    const clients = Array.from({ length: 16 }, async () => {
      while (!stop) {
        const outcome = await keepAliveGet(agent, `${platform.baseUrl}/api/v1/assistants/types`, platform.token);
        outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
        stop ||= outcome === 'refused';
      }
    });
    let exit: number | null | 'timed out';
    try {
      await sleep(1000);
      gateway.kill('SIGTERM');
      exit = await within(exited, 8000);
    } finally {
      stop = true;
      await Promise.all(clients);
      agent.destroy();
    }
    expect(exit).toBe(0);
    const clean = ['200', 'refused', '503 application/problem+json; charset=utf-8'];
    expect([...outcomes].filter(([kind]) => !clean.includes(kind))).toEqual([]);
    expect(outcomes.get('200')).toBeGreaterThan(0);
  });
});
