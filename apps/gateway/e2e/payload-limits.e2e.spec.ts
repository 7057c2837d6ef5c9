/* eslint-disable @typescript-eslint/no-explicit-any */
import { freePort, startIsolatedPlatform, waitFor, type IsolatedPlatform } from '@platform/testing';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { client } from './http-client';

// Sizes and hostile values, as an attacker or an unlucky client sends them: the platform answers each with a
// problem naming the field or the limit, keeps serving, and never stores what it refused.
const MAX_EVENT_BYTES = 200_000;

describe('payload limits and hostile values', () => {
  let platform: IsolatedPlatform;
  let api: ReturnType<typeof client>;
  let healthPort: number;

  beforeAll(async () => {
    healthPort = await freePort();
    platform = await startIsolatedPlatform(
      'e2e_payloads',
      { MAX_EVENT_BYTES: String(MAX_EVENT_BYTES) },
      { assistants: { HEALTH_PORT: String(healthPort) } },
    );
    api = client(platform.baseUrl, platform.token, { contracts: true });
  });
  afterAll(() => platform?.dispose());

  const rule = (i: number) => ({ condition: `c${i} `.padEnd(300, 'x'), action: `a${i} `.padEnd(300, 'y') });
  const large = (name: string, tag: string) => ({
    name,
    tags: [tag],
    persona: { personality: 'p'.repeat(2000), behaviorRules: Array.from({ length: 100 }, (_, i) => rule(i)) },
  });

  it('pages a list of large assistants by bytes: every page fits the bus, all of them arrive once, the service lives', async () => {
    const tag = `big-${randomUUID().slice(0, 8)}`;
    const ids: string[] = [];
    for (let i = 0; i < 20; i++) {
      const res = await api('POST', '/api/v1/assistants', { body: large(`Large ${i}`, tag) });
      expect(res.status).toBe(201);
      ids.push(res.body.id);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res: any = await api('GET', `/api/v1/assistants?tag=${tag}&limit=20${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.status).toBe(200);
      expect(res.body.data.length).toBeGreaterThan(0);
      expect(res.body.data.length).toBeLessThan(20);
      seen.push(...res.body.data.map((a: any) => a.id));
      cursor = res.body.nextCursor;
      pages += 1;
    } while (cursor && pages < 10);
    expect(seen.sort()).toEqual([...ids].sort());
    expect((await api('GET', '/ready', { auth: false })).status).toBe(200);
  });

  it('refuses a change whose event would exceed the event limit with 413, and stores nothing of it', async () => {
    const topics = Array.from({ length: 100 }, () => '€'.repeat(200)); // 600 bytes each in UTF-8
    const body = {
      name: 'Too Much',
      persona: { knowledgeDomains: [0, 1, 2, 3].map((i) => ({ name: `d${i}`, expertiseLevel: 5, topics })) },
    };
    const res = await api('POST', '/api/v1/assistants', { body });
    expect(res.status).toBe(413);
    expect(res.contentType).toContain('application/problem+json');
    expect(res.body.detail).toContain(String(MAX_EVENT_BYTES));
    expect((await api('GET', '/api/v1/assistants/search?q=too')).body.data).toEqual([]);
  });

  it('answers 400 naming the field for NUL characters and unpaired surrogates, in bodies and filters', async () => {
    const nul = await api('POST', '/api/v1/assistants', {
      raw: '{"name":"a\\u0000b"}',
      headers: { 'content-type': 'application/json' },
    });
    expect(nul.status).toBe(400);
    expect(nul.body.errors).toEqual([{ field: 'name', message: expect.any(String) }]);
    const surrogate = await api('POST', '/api/v1/prompts', {
      raw: '{"name":"p","template":"x","tags":["\\ud800"]}',
      headers: { 'content-type': 'application/json' },
    });
    expect(surrogate.status).toBe(400);
    expect(surrogate.body.errors).toEqual([{ field: 'tags.0', message: expect.any(String) }]);
    for (const filter of ['tag=a%00b', 'ownerId=%00']) {
      const res = await api('GET', `/api/v1/assistants?${filter}`);
      expect(res.status).toBe(400);
      expect(res.body.errors[0].field).toBe(filter.split('=')[0]);
    }
  });

  it('answers 400 on cursors it did not hand out, however well-formed, and on versions past the integer range', async () => {
    const forged = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const { body: created } = await api('POST', '/api/v1/assistants', { body: { name: 'Cursor Target' } });
    await api('POST', '/api/v1/prompts', { body: { name: `Prompt ${randomUUID()}`, template: 'x' } });
    await api('POST', '/api/v1/prompts', { body: { name: `Prompt ${randomUUID()}`, template: 'y' } });
    const page = await api('GET', '/api/v1/prompts?limit=1');
    const tampered = page.body.nextCursor.replace(/^./, (c: string) => (c === 'e' ? 'f' : 'e'));
    for (const path of [
      `/api/v1/assistants?cursor=${forged({ c: 'not-a-date', i: 'nope' })}`,
      `/api/v1/assistants/search?q=x&cursor=${forged({ r: 1, i: 'x' })}`,
      `/api/v1/assistants/${created.id}/history?cursor=${forged({ v: 2147483647 })}`,
      `/api/v1/prompts?cursor=${tampered}`,
      `/api/v1/prompts?cursor=${forged({ c: new Date().toISOString(), i: randomUUID() })}`,
    ]) {
      const res = await api('GET', path);
      expect({ path, status: res.status, field: res.body.errors?.[0]?.field }).toEqual({
        path,
        status: 400,
        field: 'cursor',
      });
    }
    const overflow = await api('GET', `/api/v1/assistants/${created.id}?version=3000000000`);
    expect(overflow.status).toBe(400);
    expect(overflow.body.errors[0].field).toBe('version');
  });

  it('shows an event the bus cannot carry in /ready and in a metric, while everything else keeps flowing', async () => {
    // As an older release (before the event limit) might have stored it: straight into the store.
    const pg = new Client({ connectionString: platform.databaseUrl });
    await pg.connect();
    try {
      await pg.query(
        `INSERT INTO assistants.events (stream_id, revision, id, type, schema_version, data, metadata)
         VALUES ($1, 1, $2, 'AssistantUsageRecorded', 2, $3, $4)`,
        [
          `assistant-${randomUUID()}`,
          randomUUID(),
          JSON.stringify({ pad: 'x'.repeat(1_100_000) }),
          JSON.stringify({
            correlationId: 'c',
            causationId: null,
            actorId: 'old',
            occurredAt: new Date().toISOString(),
          }),
        ],
      );
    } finally {
      await pg.end();
    }
    const ready = await waitFor(async () => {
      const res = await api('GET', '/ready', { auth: false });
      return res.body.degraded ? res : undefined;
    }, 'the relay to report the event');
    expect(ready.status).toBe(200);
    expect(ready.body).toMatchObject({ degraded: ['relay'], relays: { assistants: { parkedEvents: 1 } } });
    const metrics = await (await fetch(`http://127.0.0.1:${healthPort}/metrics`)).text();
    expect(metrics).toMatch(/relay_parked_events\{service="assistants"\} 1/);
    const after = await api('POST', '/api/v1/assistants', { body: { name: 'After The Big One' } });
    expect(after.status).toBe(201);
    await waitFor(
      async () => (await platform.busEvents()).some((e) => e.data && (e.data as any).assistantId === after.body.id),
      'the next event on the bus',
    );
  });
});
