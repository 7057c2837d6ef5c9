/* eslint-disable @typescript-eslint/no-explicit-any */
import { PLATFORM_SERVICES } from '@platform/contracts';
import { startIsolatedPlatform, waitFor, withDatabaseClosed, type IsolatedPlatform } from '@platform/testing';
import { CONTRACT_ROUTES } from './contract-check';
import { client } from './http-client';

describe('assistants over HTTP through the gateway', () => {
  let platform: IsolatedPlatform;
  let api: ReturnType<typeof client>;

  beforeAll(async () => {
    platform = await startIsolatedPlatform('e2e_assistants', { RPC_TIMEOUT_MS: '2000' });
    api = client(platform.baseUrl, platform.token, { contracts: true });
  });
  afterAll(() => platform?.dispose());

  const create = async (body: Record<string, unknown>, headers?: Record<string, string>) => {
    const res = await api('POST', '/api/v1/assistants', { body, headers });
    expect(res.status).toBe(201);
    return res;
  };

  describe('create and read', () => {
    it('creates a draft with defaults, Location, ETag, and reads it back', async () => {
      const res = await create({
        name: 'Travel Guide',
        description: 'Plans trips',
        type: 'specialized',
        tags: ['travel', 'maps'],
        specialty: 'itineraries',
        persona: {
          tone: 'friendly',
          traits: [{ name: 'curious', category: 'personality', value: 80, weight: 7 }],
          responseStyle: { type: 'casual', formality: 3, verbosity: 5 },
          knowledgeDomains: [{ name: 'Geography', expertiseLevel: 8, topics: ['capitals'], keywords: ['atlas'] }],
          behaviorRules: [
            { condition: 'asked about visas', action: 'point to official sources', priority: 90, mandatory: true },
          ],
        },
        configuration: { temperature: 0.3 },
      });
      const a = res.body;
      expect(a).toMatchObject({
        name: 'Travel Guide',
        slug: 'travel-guide',
        status: 'draft',
        type: 'specialized',
        version: 1,
        parentId: null,
        ownerId: 'admin',
        usage: { conversations: 0, messages: 0, tokens: 0, avgResponseTimeMs: null, satisfaction: null },
      });
      expect(a.configuration).toEqual({
        model: 'gpt-4o-mini',
        temperature: 0.3,
        maxTokens: 1024,
        contextWindowTokens: 8192,
        topP: 1,
      });
      expect(a.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-/);
      expect(res.headers.get('location')).toBe(`/api/v1/assistants/${a.id}`);
      expect(res.headers.get('etag')).toBe('"1"');
      const got = await api('GET', `/api/v1/assistants/${a.id}`);
      expect(got.status).toBe(200);
      expect(got.body).toEqual(a);
      expect(got.headers.get('etag')).toBe('"1"');
      expect(got.headers.get('x-request-id')).toBeTruthy();
    });

    it('refuses a duplicate slug among live assistants with 409, and frees it once archived', async () => {
      const first = await create({ name: 'Dup Bot' });
      const dup = await api('POST', '/api/v1/assistants', { body: { name: 'Another', slug: 'dup-bot' } });
      expect(dup.status).toBe(409);
      expect(dup.contentType).toContain('application/problem+json');
      expect(dup.body.errors).toEqual([{ field: 'slug', message: 'already in use' }]);
      expect((await api('DELETE', `/api/v1/assistants/${first.body.id}`)).status).toBe(204);
      await create({ name: 'Dup Bot' });
    });
  });

  describe('update, lifecycle and concurrency', () => {
    it('replaces present fields, merges persona and configuration one level, keeps absent ones', async () => {
      const { body: a } = await create({
        name: 'Merge Me',
        tags: ['x'],
        persona: { tone: 'dry', personality: 'calm' },
        configuration: { temperature: 1 },
      });
      const res = await api('PUT', `/api/v1/assistants/${a.id}`, {
        body: { description: 'now described', persona: { tone: 'warm' }, configuration: { maxTokens: 50 } },
      });
      expect(res.status).toBe(200);
      expect(res.headers.get('etag')).toBe('"2"');
      expect(res.body).toMatchObject({
        name: 'Merge Me',
        description: 'now described',
        tags: ['x'],
        version: 2,
        persona: { tone: 'warm', personality: 'calm' },
        configuration: { temperature: 1, maxTokens: 50, model: 'gpt-4o-mini' },
      });
    });

    it('walks the lifecycle and refuses illegal transitions with 409 and no change', async () => {
      const { body: a } = await create({ name: 'Lifecycle' });
      const put = (status: string) => api('PUT', `/api/v1/assistants/${a.id}`, { body: { status } });
      expect((await put('inactive')).status).toBe(409);
      expect((await put('active')).body.status).toBe('active');
      expect((await put('draft')).status).toBe(409);
      expect((await put('inactive')).body.status).toBe('inactive');
      expect((await put('active')).body.status).toBe('active');
      expect((await put('archived')).body.status).toBe('archived');
      const refused = await put('active');
      expect(refused.status).toBe(409);
      const after = await api('GET', `/api/v1/assistants/${a.id}`);
      expect(after.body).toMatchObject({ status: 'archived', version: 5 });
    });

    it('If-Match with a stale version gets 412 and changes nothing', async () => {
      const { body: a } = await create({ name: 'Guarded' });
      const ok = await api('PUT', `/api/v1/assistants/${a.id}`, {
        body: { description: 'v2' },
        headers: { 'if-match': '"1"' },
      });
      expect(ok.status).toBe(200);
      const stale = await api('PUT', `/api/v1/assistants/${a.id}`, {
        body: { description: 'lost' },
        headers: { 'if-match': '"1"' },
      });
      expect(stale.status).toBe(412);
      expect(stale.contentType).toContain('application/problem+json');
      const now = await api('GET', `/api/v1/assistants/${a.id}`);
      expect(now.body).toMatchObject({ description: 'v2', version: 2 });
    });

    it('applies concurrent writes without If-Match one after another, losing none', async () => {
      const { body: a } = await create({ name: 'Busy' });
      const results = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          api('POST', `/api/v1/assistants/${a.id}/usage`, { body: { tokens: i + 1 } }),
        ),
      );
      expect(results.map((r) => r.status)).toEqual(Array(10).fill(200));
      const now = await api('GET', `/api/v1/assistants/${a.id}`);
      expect(now.body.usage.tokens).toBe(55);
      expect(now.body.version).toBe(11);
    });
  });

  describe('archive, versions and history', () => {
    it('archives on DELETE, stays readable, drops out of lists unless asked for', async () => {
      const { body: a } = await create({ name: 'Short Lived', tags: ['ephemeral'] });
      expect((await api('DELETE', `/api/v1/assistants/${a.id}`)).status).toBe(204);
      expect((await api('GET', `/api/v1/assistants/${a.id}`)).body.status).toBe('archived');
      const live = await api('GET', '/api/v1/assistants?tag=ephemeral');
      expect(live.body.data).toEqual([]);
      const archived = await api('GET', '/api/v1/assistants?tag=ephemeral&status=archived');
      expect(archived.body.data.map((x: any) => x.id)).toEqual([a.id]);
    });

    it('returns the assistant as it was at ?version=N, and its history oldest first with pages', async () => {
      const { body: a } = await create({ name: 'Historic' }, { 'x-correlation-id': 'corr-historic' });
      await api('PUT', `/api/v1/assistants/${a.id}`, { body: { name: 'Historic 2' } });
      await api('PUT', `/api/v1/assistants/${a.id}`, { body: { status: 'active' } });
      const v1 = await api('GET', `/api/v1/assistants/${a.id}?version=1`);
      expect(v1.body).toMatchObject({ name: 'Historic', status: 'draft', version: 1 });
      const v2 = await api('GET', `/api/v1/assistants/${a.id}?version=2`);
      expect(v2.body).toMatchObject({ name: 'Historic 2', status: 'draft', version: 2 });
      expect((await api('GET', `/api/v1/assistants/${a.id}?version=9`)).status).toBe(404);
      const page1 = await api('GET', `/api/v1/assistants/${a.id}/history?limit=2`);
      expect(page1.body.data.map((e: any) => [e.type, e.version])).toEqual([
        ['AssistantCreated', 1],
        ['AssistantUpdated', 2],
      ]);
      expect(page1.body.data[0]).toMatchObject({ actorId: 'admin', correlationId: 'corr-historic' });
      expect(page1.body.data[1].change).toMatchObject({ changes: { name: 'Historic 2' } });
      const page2 = await api('GET', `/api/v1/assistants/${a.id}/history?limit=2&cursor=${page1.body.nextCursor}`);
      expect(page2.body.data.map((e: any) => e.type)).toEqual(['AssistantActivated']);
      expect(page2.body.nextCursor).toBeNull();
    });
  });

  describe('clone and usage', () => {
    it('clones into a new draft with parentId, also from an archived source, with free slugs', async () => {
      const { body: src } = await create({
        name: 'Original',
        type: 'creative',
        tags: ['art'],
        persona: { tone: 'bold' },
        configuration: { topP: 0.9 },
      });
      await api('PUT', `/api/v1/assistants/${src.id}`, { body: { status: 'active' } });
      await api('DELETE', `/api/v1/assistants/${src.id}`);
      const c1 = await api('POST', `/api/v1/assistants/${src.id}/clone`, { body: {} });
      expect(c1.status).toBe(201);
      expect(c1.body).toMatchObject({
        name: 'Original (copy)',
        slug: 'original-copy',
        status: 'draft',
        version: 1,
        parentId: src.id,
        type: 'creative',
        tags: ['art'],
        persona: { tone: 'bold' },
      });
      expect(c1.body.configuration.topP).toBe(0.9);
      const c2 = await api('POST', `/api/v1/assistants/${src.id}/clone`, { body: { name: 'Second' } });
      expect(c2.body).toMatchObject({ name: 'Second', slug: 'second', parentId: src.id });
      const c3 = await api('POST', `/api/v1/assistants/${src.id}/clone`);
      expect(c3.body.slug).toBe('original-copy-2');
      const children = await api('GET', `/api/v1/assistants?parentId=${src.id}`);
      expect(children.body.data.map((x: any) => x.id).sort()).toEqual([c1.body.id, c2.body.id, c3.body.id].sort());
    });

    it('adds usage, refuses negatives, and ranks popular assistants by usage', async () => {
      const { body: low } = await create({ name: 'Pop Low', tags: ['pop'] });
      const { body: high } = await create({ name: 'Pop High', tags: ['pop'] });
      const res = await api('POST', `/api/v1/assistants/${high.id}/usage`, {
        body: { conversations: 50, messages: 400, tokens: 9000, responseTimeMs: 120, satisfaction: 4 },
      });
      expect(res.status).toBe(200);
      expect(res.body.usage).toMatchObject({
        conversations: 50,
        messages: 400,
        tokens: 9000,
        avgResponseTimeMs: 120,
        satisfaction: 4,
      });
      await api('POST', `/api/v1/assistants/${high.id}/usage`, { body: { satisfaction: 2 } });
      await api('POST', `/api/v1/assistants/${low.id}/usage`, { body: { conversations: 1 } });
      const bad = await api('POST', `/api/v1/assistants/${low.id}/usage`, { body: { tokens: -5, satisfaction: 9 } });
      expect(bad.status).toBe(400);
      expect(bad.body.errors.map((e: any) => e.field).sort()).toEqual(['satisfaction', 'tokens']);
      const popular = await api('GET', '/api/v1/assistants/popular?limit=2');
      expect(popular.body.data.map((x: any) => x.id)).toEqual([high.id, low.id]);
      expect(popular.body.data[0].usage.satisfaction).toBe(3);
    });
  });

  describe('search, catalogs and route precedence', () => {
    it('finds by name, slug, description, specialty, tags and knowledge domains, name matches first', async () => {
      const { body: byName } = await create({ name: 'Quokka Helper' });
      const { body: byDesc } = await create({ name: 'Other Thing', description: 'knows every quokka fact' });
      const { body: byDomain } = await create({
        name: 'Zoo Bot',
        persona: { knowledgeDomains: [{ name: 'Marsupials', expertiseLevel: 5, topics: [], keywords: ['wallaby'] }] },
      });
      const { body: byTag } = await create({ name: 'Tagged', tags: ['narwhal'], type: 'analytical' });
      const res = await api('GET', '/api/v1/assistants/search?q=quokka');
      expect(res.status).toBe(200);
      expect(res.body.data.map((x: any) => x.id)).toEqual([byName.id, byDesc.id]);
      expect(res.body.data[0].score).toBeGreaterThan(res.body.data[1].score);
      expect((await api('GET', '/api/v1/assistants/search?q=walla')).body.data.map((x: any) => x.id)).toEqual([
        byDomain.id,
      ]);
      expect(
        (await api('GET', '/api/v1/assistants/search?q=narwhal&type=analytical&tag=narwhal')).body.data.map(
          (x: any) => x.id,
        ),
      ).toEqual([byTag.id]);
      expect((await api('GET', '/api/v1/assistants/search?q=narwhal&type=creative')).body.data).toEqual([]);
    });

    it('filters by every tag given, one or repeated, on the list and in search; `tags` is no filter', async () => {
      const { body: both } = await create({ name: 'Ibex One', tags: ['ibex', 'alpine'] });
      const { body: one } = await create({ name: 'Ibex Two', tags: ['ibex'] });
      const ids = async (query: string) =>
        (await api('GET', `/api/v1/assistants${query}`)).body.data.map((x: any) => x.id);
      expect((await ids('?tag=ibex')).sort()).toEqual([both.id, one.id].sort());
      expect(await ids('?tag=ibex&tag=alpine')).toEqual([both.id]);
      expect(await ids('/search?q=ibex&tag=alpine&tag=ibex')).toEqual([both.id]);
      expect((await ids('/search?q=ibex&tag=ibex')).sort()).toEqual([both.id, one.id].sort());
      const old = await api('GET', '/api/v1/assistants/search?q=ibex&tags=ibex,alpine');
      expect(old.status).toBe(400);
      expect(old.body.errors).toEqual([{ field: 'tags', message: 'unknown field' }]);
      const many = Array.from({ length: 33 }, (_, i) => `tag=t${i}`).join('&');
      expect((await api('GET', `/api/v1/assistants?${many}`)).body.errors).toEqual([
        { field: 'tag', message: expect.any(String) },
      ]);
      expect((await api('GET', `/api/v1/assistants/search?q=x&tag=${'x'.repeat(65)}`)).body.errors).toEqual([
        { field: 'tag', message: expect.any(String) },
      ]);
    });

    it('serves the static routes, never reading them as an id', async () => {
      const types = await api('GET', '/api/v1/assistants/types');
      expect(types.status).toBe(200);
      expect(types.body.nextCursor).toBeNull();
      expect(types.body.data.map((t: any) => t.value)).toEqual([
        'general',
        'specialized',
        'conversational',
        'task_oriented',
        'analytical',
        'creative',
        'support',
        'educational',
      ]);
      expect(types.body.data[0]).toEqual({
        value: 'general',
        label: expect.any(String),
        description: expect.any(String),
      });
      const statuses = await api('GET', '/api/v1/assistants/statuses');
      expect(statuses.body.nextCursor).toBeNull();
      expect(statuses.body.data.find((s: any) => s.value === 'draft').allowedNext).toEqual(['active', 'archived']);
      expect(statuses.body.data.find((s: any) => s.value === 'archived').allowedNext).toEqual([]);
      const search = await api('GET', '/api/v1/assistants/search');
      expect(search.status).toBe(400);
      expect(search.body.errors).toEqual([{ field: 'q', message: expect.any(String) }]);
      expect((await api('GET', '/api/v1/assistants/popular')).status).toBe(200);
    });
  });

  describe('pagination', () => {
    it('pages newest first without repeats or gaps while new assistants are added', async () => {
      const ids: string[] = [];
      for (let i = 0; i < 7; i++) ids.push((await create({ name: `Paged ${i}`, tags: ['paged'] })).body.id);
      const seen: string[] = [];
      let cursor: string | null = null;
      let round = 0;
      do {
        const res: any = await api('GET', `/api/v1/assistants?tag=paged&limit=3${cursor ? `&cursor=${cursor}` : ''}`);
        expect(res.status).toBe(200);
        seen.push(...res.body.data.map((x: any) => x.id));
        cursor = res.body.nextCursor;
        if (round++ === 0) await create({ name: 'Paged late', tags: ['paged'] }); // newer: belongs before page 1
      } while (cursor);
      expect(seen).toEqual([...ids].reverse());
      expect((await api('GET', '/api/v1/assistants?cursor=garbage')).status).toBe(400);
    });
  });

  describe('idempotency', () => {
    it('answers a repeated key with the first response and creates nothing; another body gets 422', async () => {
      const headers = { 'idempotency-key': 'create-once-1' };
      const first = await create({ name: 'Once Only' }, headers);
      const again = await create({ name: 'Once Only' }, headers);
      expect(again.body.id).toBe(first.body.id);
      const list = await api('GET', '/api/v1/assistants/search?q=once');
      expect(list.body.data).toHaveLength(1);
      const other = await api('POST', '/api/v1/assistants', { body: { name: 'Something Else' }, headers });
      expect(other.status).toBe(422);
      expect(other.contentType).toContain('application/problem+json');
      const racing = await Promise.all(
        Array.from({ length: 5 }, () =>
          api('POST', '/api/v1/assistants', { body: { name: 'Raced' }, headers: { 'idempotency-key': 'race-1' } }),
        ),
      );
      expect(racing.map((r) => [r.status, r.body.detail])).toEqual(Array(5).fill([201, undefined]));
      expect(new Set(racing.map((r) => r.body.id)).size).toBe(1);
      expect(racing.map((r) => r.status)).toEqual(Array(5).fill(201));
    });
  });

  describe('bad input', () => {
    const post = (init: Parameters<typeof api>[2]) => api('POST', '/api/v1/assistants', init);

    it('401 without or with a wrong token, as problem+json', async () => {
      const none = await api('GET', '/api/v1/assistants', { auth: false });
      expect(none.status).toBe(401);
      expect(none.contentType).toContain('application/problem+json');
      expect(
        (await api('GET', '/api/v1/assistants', { auth: false, headers: { authorization: 'Bearer nope' } })).status,
      ).toBe(401);
    });

    it('400 for malformed JSON', async () => {
      const res = await post({ raw: '{"name": ', headers: { 'content-type': 'application/json' } });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ status: 400, title: expect.any(String), type: expect.any(String) });
    });

    it('400 listing each wrong type, out-of-range value, unknown enum and unknown field', async () => {
      const res = await post({
        body: {
          name: 42,
          type: 'wizard',
          tags: Array.from({ length: 33 }, (_, i) => `t${i}`),
          configuration: { temperature: 3, maxTokens: 0, contextWindowTokens: 100, topP: -1 },
          persona: {
            traits: [{ name: 'x', category: 'mystery', value: 101, weight: 11 }],
            responseStyle: { type: 'formal', formality: 0, verbosity: 11 },
          },
          colour: 'blue',
        },
      });
      expect(res.status).toBe(400);
      const fields = res.body.errors.map((e: any) => e.field).sort();
      expect(fields).toEqual(
        [
          'colour',
          'configuration.contextWindowTokens',
          'configuration.maxTokens',
          'configuration.temperature',
          'configuration.topP',
          'name',
          'persona.responseStyle.formality',
          'persona.responseStyle.verbosity',
          'persona.traits.0.category',
          'persona.traits.0.value',
          'persona.traits.0.weight',
          'tags',
          'type',
        ].sort(),
      );
      const empty = await post({ body: { name: '' } });
      expect(empty.body.errors).toEqual([{ field: 'name', message: expect.any(String) }]);
      const longName = await post({ body: { name: 'x'.repeat(256) } });
      expect(longName.body.errors[0].field).toBe('name');
      expect(
        (await api('GET', '/api/v1/assistants?status=gone&limit=500')).body.errors.map((e: any) => e.field).sort(),
      ).toEqual(['limit', 'status']);
      expect((await api('GET', '/api/v1/assistants?colour=red')).body.errors).toEqual([
        { field: 'colour', message: 'unknown field' },
      ]);
    });

    it('413 for a body over 1 MiB and 415 for a body that is not JSON', async () => {
      const big = await post({ body: { name: 'big', description: 'x'.repeat(1024 * 1024 + 10) } });
      expect(big.status).toBe(413);
      expect(big.contentType).toContain('application/problem+json');
      const text = await post({ raw: 'name=x', headers: { 'content-type': 'text/plain' } });
      expect(text.status).toBe(415);
      const form = await post({ raw: 'name=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
      expect(form.status).toBe(415);
    });

    it('404 for an unknown id, 400 for a malformed one, 400 for a bad If-Match', async () => {
      const unknown = '01900000-0000-7000-8000-000000000000';
      for (const [method, path] of [
        ['GET', `/api/v1/assistants/${unknown}`],
        ['PUT', `/api/v1/assistants/${unknown}`],
        ['DELETE', `/api/v1/assistants/${unknown}`],
        ['POST', `/api/v1/assistants/${unknown}/clone`],
        ['POST', `/api/v1/assistants/${unknown}/usage`],
        ['GET', `/api/v1/assistants/${unknown}/history`],
      ]) {
        const body =
          method === 'PUT' ? { name: 'x' } : method === 'POST' && path.endsWith('usage') ? { tokens: 1 } : undefined;
        const res = await api(method, path, { body });
        expect([method, path, res.status]).toEqual([method, path, 404]);
      }
      const malformed = await api('GET', '/api/v1/assistants/not-a-uuid');
      expect(malformed.status).toBe(400);
      expect(malformed.body.errors).toEqual([{ field: 'id', message: expect.any(String) }]);
      const { body: a } = await create({ name: 'Bad If-Match' });
      expect(
        (await api('PUT', `/api/v1/assistants/${a.id}`, { body: { name: 'y' }, headers: { 'if-match': 'banana' } }))
          .status,
      ).toBe(400);
    });
  });

  describe('domain events on the bus', () => {
    it('publishes every stored change to JetStream, once, in order, with its metadata', async () => {
      const { body: a } = await create({ name: 'On The Bus' }, { 'x-correlation-id': 'corr-bus' });
      await api('PUT', `/api/v1/assistants/${a.id}`, { body: { status: 'active' } });
      await api('POST', `/api/v1/assistants/${a.id}/usage`, { body: { messages: 2 } });
      const deadline = Date.now() + 15_000;
      let mine: any[] = [];
      while (Date.now() < deadline) {
        mine = (await platform.busEvents()).filter((e: any) => e.streamId === `assistant-${a.id}`);
        if (mine.length >= 3) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(mine.map((e) => [e.type, e.revision])).toEqual([
        ['AssistantCreated', 1],
        ['AssistantActivated', 2],
        ['AssistantUsageRecorded', 3],
      ]);
      expect(new Set(mine.map((e) => e.id)).size).toBe(3);
      expect(mine[0].metadata).toMatchObject({
        correlationId: 'corr-bus',
        actorId: 'admin',
        occurredAt: expect.any(String),
      });
      expect(mine[0].data).toMatchObject({ assistantId: a.id, name: 'On The Bus' });
    });
  });

  describe('platform edges', () => {
    it('serves /health, /ready and the OpenAPI document without a token', async () => {
      expect((await api('GET', '/health', { auth: false })).body).toEqual({ status: 'ok' });
      const ready = await api('GET', '/ready', { auth: false });
      expect(ready.status).toBe(200);
      const services = Object.fromEntries(PLATFORM_SERVICES.map((s) => [s.name, 'up']));
      expect(ready.body.checks).toEqual({ nats: 'up', postgres: 'up', relay: 'up', ...services });
      const doc = await api('GET', '/api/docs-json', { auth: false });
      expect(doc.status).toBe(200);
      expect(Object.keys(doc.body.paths)).toEqual(
        expect.arrayContaining([
          '/api/v1/assistants',
          '/api/v1/assistants/{id}',
          '/api/v1/assistants/search',
          '/api/v1/assistants/{id}/history',
        ]),
      );
      // The routes the e2e contract checks know are the gateway's, no more and no fewer.
      const documented = Object.entries(doc.body.paths as Record<string, Record<string, unknown>>)
        .filter(([path]) => path.startsWith('/api/v1/'))
        .flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${path.slice(7)}`));
      expect(documented.sort()).toEqual(CONTRACT_ROUTES.map(([m, path]) => `${m} ${path}`).sort());
      const page = await api('GET', '/api/docs', { auth: false });
      expect(page.status).toBe(200);
      expect(page.contentType).toContain('text/html');
    });

    it('gives 504 when the service does not answer in time and 503 when nothing serves the request; nothing half-written', async () => {
      // With the assistants service stopped, NATS answers "no responders": the gateway says 503 at once.
      await platform.stop('assistants');
      const res = await api('POST', '/api/v1/assistants', { body: { name: 'While Down' } });
      expect(res.status).toBe(503);
      const ready = await api('GET', '/ready', { auth: false });
      expect(ready.status).toBe(503);
      expect(ready.body.down).toEqual(['assistants']);
      await platform.start('assistants');
      await waitFor(
        async () => (await fetch(`${platform.baseUrl}/ready`)).status === 200,
        'the platform to be ready again',
      );
      const search = await api('GET', '/api/v1/assistants/search?q=while');
      expect(search.body.data).toEqual([]);
    });

    it('gives 504 when the service takes the request but does not answer in time', async () => {
      const child = platform.processes.get('assistants')!;
      child.kill('SIGSTOP'); // alive and subscribed, but silent
      try {
        const started = Date.now();
        const res = await api('GET', '/api/v1/assistants/types');
        expect(res.status).toBe(504);
        expect(Date.now() - started).toBeLessThan(10_000);
      } finally {
        child.kill('SIGCONT');
      }
      expect((await api('GET', '/api/v1/assistants/types')).status).toBe(200);
    });

    it('gives 503 when PostgreSQL is unreachable, and nothing is half-written', async () => {
      await withDatabaseClosed(platform.databaseName, async () => {
        const res = await api('POST', '/api/v1/assistants', { body: { name: 'Written While Closed' } });
        expect(res.status).toBe(503);
        expect(res.contentType).toContain('application/problem+json');
      });
      await waitFor(
        async () => (await fetch(`${platform.baseUrl}/ready`)).status === 200,
        'the platform to be ready again',
      );
      const search = await api('GET', '/api/v1/assistants/search?q=closed');
      expect(search.body.data).toEqual([]);
      const created = await api('POST', '/api/v1/assistants', { body: { name: 'Written After' } });
      expect(created.status).toBe(201);
    });
  });
});
