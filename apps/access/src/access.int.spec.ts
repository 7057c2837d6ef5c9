import type { INestMicroservice } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import {
  AccessOperations as Ops,
  API_KEY_PREFIX,
  type ApiKeyDto,
  type AuditEntryDto,
  type BusEventEnvelope,
  type CreatedApiKeyDto,
  type Page,
  type PrincipalDto,
  type RequestMeta,
} from '@platform/contracts';
import {
  connectNats,
  eventSubject,
  mapErrors,
  natsMicroserviceOptions,
  RpcClient,
  RpcProblemError,
  RpcProblemFilter,
} from '@platform/messaging';
import { PG_POOL } from '@platform/event-store';
import { kitErrorMapper } from '@platform/service-kit';
import { createTestBus, createTestDatabase, waitFor, type TestBus, type TestDatabase } from '@platform/testing';
import type { Pool } from 'pg';
import { v7 as uuidv7 } from 'uuid';

// The access service in this process, on a database and bus prefix of this run: its operations over the bus as
// the gateway sends them, and the audit trail fed from the bus by every service's events.

let db: TestDatabase;
let bus: TestBus;
let app: INestMicroservice;
let client: RpcClient;
const logs: string[] = [];
const pool = (): Pool => app.get(PG_POOL);

const meta = (extra: Partial<RequestMeta> = {}): RequestMeta => ({
  actorId: 'admin',
  correlationId: uuidv7(),
  requestId: uuidv7(),
  ...extra,
});
const send = <T>(pattern: string, body: unknown, m: RequestMeta = meta()) => client.send<T>(pattern, { meta: m, body });
const createKey = (body: Record<string, unknown>, m?: RequestMeta) =>
  send<CreatedApiKeyDto>(Ops.createKey.pattern, { body: { name: 'CI', role: 'editor', ...body } }, m);
const authenticate = (token: string) => send<PrincipalDto>(Ops.authenticate.pattern, { body: { token } });
const problemOf = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (err: RpcProblemError) => err.problem,
  );

beforeAll(async () => {
  db = await createTestDatabase('access');
  bus = createTestBus('access'); // before the module is loaded: its subjects are fixed when its classes are defined
  process.env.DATABASE_URL = db.url;
  const { AppModule } = await import('./app.module');
  const { apiKeyErrors } = await import('./api-keys/api-key.errors');
  app = await NestFactory.createMicroservice(AppModule, {
    ...natsMicroserviceOptions('access'),
    logger: { log: keep, error: keep, warn: keep, debug: keep, verbose: keep, fatal: keep },
  });
  app.useGlobalFilters(new RpcProblemFilter(mapErrors(apiKeyErrors), kitErrorMapper));
  await app.listen();
  client = new RpcClient({ name: 'access-test' });
});

function keep(...parts: unknown[]) {
  logs.push(parts.map((p) => (p instanceof Error ? `${p.message} ${p.stack}` : String(p))).join(' '));
}

afterAll(async () => {
  await client?.onModuleDestroy();
  await app?.close();
  await bus?.dispose();
  await db?.drop();
});

describe('API keys', () => {
  it('creates a key whose secret is shown once, prefixed and naming the key', async () => {
    const key = await createKey({ ownerId: 'team-a', rateLimitPerMinute: 42 });
    expect(key).toMatchObject({ name: 'CI', role: 'editor', ownerId: 'team-a', status: 'active', version: 1 });
    expect(key.secret).toMatch(new RegExp(`^${API_KEY_PREFIX}${key.id.replaceAll('-', '')}[A-Za-z0-9_-]{43}$`));
    expect(await authenticate(key.secret)).toEqual({
      keyId: key.id,
      role: 'editor',
      ownerId: 'team-a',
      rateLimitPerMinute: 42,
      expiresAt: null,
    });
  });

  it("gives a key without its own limit its role's default", async () => {
    const key = await createKey({ role: 'service' });
    expect((await authenticate(key.secret)).rateLimitPerMinute).toBe(6_000);
  });

  it('answers a repeated create with the same Idempotency-Key with the same key and secret', async () => {
    const m = meta({ idempotencyKey: uuidv7(), requestHash: 'h1' });
    const first = await createKey({ name: 'once' }, m);
    const again = await createKey({ name: 'once' }, { ...m, requestId: uuidv7() });
    expect(again).toEqual(first);
    const { rows } = await pool().query(`SELECT response::text FROM access.idempotency_keys`);
    expect(rows.map((r) => r.response).join()).not.toContain(first.secret);
  });

  it.each([
    ['a wrong secret', (s: string) => s.slice(0, -4) + (s.endsWith('AAAA') ? 'BBBB' : 'AAAA')],
    ['a malformed token', (s: string) => s.replace(API_KEY_PREFIX, 'sk_')],
    ['an unknown key', () => `${API_KEY_PREFIX}${'ab'.repeat(16)}${'x'.repeat(43)}`],
    ['garbage', () => 'Bearer nonsense'],
  ])('refuses %s with a generic 401 that never echoes the token', async (_, tamper) => {
    const key = await createKey({});
    const token = tamper(key.secret);
    const problem = await problemOf(authenticate(token));
    expect(problem).toMatchObject({ status: 401, detail: 'The API key is not valid' });
    expect(JSON.stringify(problem)).not.toContain(token);
    expect(JSON.stringify(problem)).not.toContain(key.secret.slice(API_KEY_PREFIX.length + 32));
  });

  it('refuses a revoked key; revoking again changes nothing', async () => {
    const key = await createKey({});
    const revoked = await send<ApiKeyDto>(Ops.revokeKey.pattern, { params: { id: key.id } });
    expect(revoked).toMatchObject({ status: 'revoked', version: 2 });
    expect(await send<ApiKeyDto>(Ops.revokeKey.pattern, { params: { id: key.id } })).toEqual(revoked);
    expect(await problemOf(authenticate(key.secret))).toMatchObject({ status: 401 });
  });

  it('answers 404 for revoking an unknown key, 422 naming expiresAt for an expiry in the past', async () => {
    expect(await problemOf(send(Ops.revokeKey.pattern, { params: { id: uuidv7() } }))).toMatchObject({ status: 404 });
    expect(await problemOf(createKey({ expiresAt: '2020-01-01T00:00:00Z' }))).toMatchObject({
      status: 422,
      errors: [{ field: 'expiresAt', message: 'must be in the future' }],
    });
  });

  it('refuses a key once it has expired', async () => {
    const expiresAt = new Date(Date.now() + 1500).toISOString();
    const key = await createKey({ expiresAt });
    expect((await authenticate(key.secret)).expiresAt).toBe(expiresAt);
    await waitFor(async () => (await problemOf(authenticate(key.secret)))?.status === 401, 'the key to expire', 10_000);
    const listed = await send<Page<ApiKeyDto>>(Ops.listKeys.pattern, { query: { status: 'expired' } });
    expect(listed.data.map((k) => k.id)).toContain(key.id);
  });

  it('lists and reads keys, newest first in signed pages, never with a secret or its hash', async () => {
    const secrets: string[] = [];
    for (let i = 0; i < 3; i++) secrets.push((await createKey({ name: `page-${i}`, ownerId: 'lister' })).secret);
    const first = await send<Page<ApiKeyDto>>(Ops.listKeys.pattern, { query: { ownerId: 'lister', limit: '2' } });
    expect(first.data.map((k) => k.name)).toEqual(['page-2', 'page-1']);
    const second = await send<Page<ApiKeyDto>>(Ops.listKeys.pattern, {
      query: { ownerId: 'lister', limit: '2', cursor: first.nextCursor },
    });
    expect(second).toMatchObject({ data: [{ name: 'page-0' }], nextCursor: null });
    const all = await send<Page<ApiKeyDto>>(Ops.listKeys.pattern, { query: { limit: '100' } });
    const one = await send<ApiKeyDto>(Ops.getKey.pattern, { params: { id: first.data[0].id } });
    const shown = JSON.stringify([first, second, all, one]);
    for (const secret of secrets) expect(shown).not.toContain(secret);
    expect(shown).not.toContain(API_KEY_PREFIX);
    expect(shown).not.toMatch(/secret/i);
  });

  it('keeps secrets out of the events and the logs', async () => {
    const { secret } = await createKey({ name: 'quiet' });
    await problemOf(authenticate(secret + 'x'));
    const { rows } = await pool().query(`SELECT data::text, metadata::text FROM access.events`);
    expect(JSON.stringify(rows)).not.toContain(secret);
    expect(logs.join('\n')).not.toContain(secret.slice(API_KEY_PREFIX.length + 32));
  });
});

describe('audit trail', () => {
  const audit = (query: Record<string, string>) => send<Page<AuditEntryDto>>(Ops.audit.pattern, { query });

  it("records this service's own changes with their actor and request", async () => {
    const m = meta({ actorId: uuidv7(), actorRole: 'admin', actorOwnerId: 'ops' });
    const key = await createKey({}, m);
    const page = await waitFor(async () => {
      const p = await audit({ resource: key.id });
      return p.data.length > 0 && p;
    }, 'the key in the audit trail');
    // The acting key's role and owner come with the event metadata the command runner writes (checked below with
    // events published as any service's relay does).
    const [entry] = page.data;
    expect(['ops', null]).toContain(entry.actorOwnerId);
    expect(['admin', null]).toContain(entry.actorRole);
    expect(page.data).toEqual([
      {
        ...entry,
        eventId: expect.any(String),
        at: expect.any(String),
        action: 'ApiKeyCreated',
        resource: key.id,
        resourceType: 'apikey',
        actorId: m.actorId,
        requestId: m.requestId,
        correlationId: m.correlationId,
      },
    ]);
  });

  it("records another service's events from the bus, filters them, and pages newest first", async () => {
    const actorId = uuidv7();
    const assistantId = uuidv7();
    const nc = await connectNats({ name: 'access-test-publisher' });
    const js = nc.jetstream();
    const at = (s: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, s)).toISOString();
    const events: BusEventEnvelope[] = ['AssistantCreated', 'AssistantUpdated', 'AssistantArchived'].map((type, i) => ({
      id: uuidv7(),
      streamId: `assistant-${assistantId}`,
      type,
      schemaVersion: 1,
      data: {},
      metadata: {
        actorId,
        actorRole: 'editor',
        actorOwnerId: 'team-b',
        correlationId: 'c',
        causationId: `r${i}`,
        occurredAt: at(i),
      },
      revision: i + 1,
      position: i + 1,
    }));
    for (const e of [...events, events[1]]) {
      await js.publish(eventSubject('assistant', e.type, bus.prefix), JSON.stringify(e), {
        msgID: `${e.id}-${Math.random()}`,
      });
    }
    await nc.drain();

    const all = await waitFor(async () => {
      const p = await audit({ actorId });
      return p.data.length === 3 && p;
    }, 'the three assistant events in the audit trail');
    expect(all.data.map((e) => [e.action, e.resourceType, e.resource, e.requestId])).toEqual([
      ['AssistantArchived', 'assistant', assistantId, 'r2'],
      ['AssistantUpdated', 'assistant', assistantId, 'r1'],
      ['AssistantCreated', 'assistant', assistantId, 'r0'],
    ]); // the duplicate delivery of AssistantUpdated is recorded once
    expect(all.data[0]).toMatchObject({ actorRole: 'editor', actorOwnerId: 'team-b', correlationId: 'c', at: at(2) });

    expect((await audit({ actorId, action: 'AssistantUpdated' })).data).toHaveLength(1);
    expect((await audit({ resource: assistantId, from: at(1), to: at(2) })).data.map((e) => e.action)).toEqual([
      'AssistantUpdated',
    ]);
    const first = await audit({ actorId, limit: '2' });
    const rest = await audit({ actorId, limit: '2', cursor: first.nextCursor! });
    expect([...first.data, ...rest.data]).toEqual(all.data);
    expect(rest.nextCursor).toBeNull();
    expect(await problemOf(audit({ cursor: `${first.nextCursor}x` }))).toMatchObject({ status: 400 });
  });

  it('records a batch of events in one statement, each once, whatever the batch repeats', async () => {
    const { recordAuditEntries } = await import('./audit/audit.projection');
    const actorId = uuidv7();
    const resource = uuidv7();
    const events = ['AssistantCreated', 'AssistantUpdated'].map((type, i) => ({
      id: uuidv7(),
      streamId: `assistant-${resource}`,
      type,
      schemaVersion: 1,
      data: { secret: 'never copied' },
      metadata: {
        actorId,
        correlationId: 'c',
        causationId: `r${i}`,
        occurredAt: new Date(Date.UTC(2026, 0, 2, 0, 0, i)).toISOString(),
      },
      revision: i + 1,
      position: i + 1,
      transactionId: '1',
    }));
    const client = await pool().connect();
    try {
      await client.query('SET search_path TO access');
      await recordAuditEntries([...events, events[0]] as never, client);
      await recordAuditEntries(events as never, client); // a replay of the bus changes nothing
    } finally {
      client.release(true);
    }
    const p = await audit({ actorId });
    expect(p.data.map((e) => [e.action, e.resource, e.resourceType, e.requestId, e.actorRole])).toEqual([
      ['AssistantUpdated', resource, 'assistant', 'r1', null],
      ['AssistantCreated', resource, 'assistant', 'r0', null],
    ]);
    expect(JSON.stringify(p.data)).not.toContain('never copied');
  });

  it('is not itself audited: reading the trail appends no event', async () => {
    const before = await pool().query(`SELECT count(*)::int AS n FROM access.events`);
    await audit({});
    await send(Ops.listKeys.pattern, { query: {} });
    const after = await pool().query(`SELECT count(*)::int AS n FROM access.events`);
    expect(after.rows[0].n).toBe(before.rows[0].n);
  });
});
