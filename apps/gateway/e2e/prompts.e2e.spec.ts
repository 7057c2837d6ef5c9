/* eslint-disable @typescript-eslint/no-explicit-any */
import { startIsolatedPlatform, type IsolatedPlatform } from '@platform/testing';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { client } from './http-client';

describe('prompts, links and system prompts over HTTP', () => {
  let platform: IsolatedPlatform;
  let api: ReturnType<typeof client>;

  beforeAll(async () => {
    platform = await startIsolatedPlatform('e2e_prompts');
    api = client(platform.baseUrl, platform.token, { contracts: true });
  });
  afterAll(() => platform?.dispose());

  const ok = async (res: Promise<any>, status = 200) => {
    const r = await res;
    if (r.status !== status) throw new Error(`expected ${status}, got ${r.status}: ${JSON.stringify(r.body)}`);
    return r.body;
  };
  const createPrompt = (body: Record<string, unknown>) => ok(api('POST', '/api/v1/prompts', { body }), 201);
  const createAssistant = (body: Record<string, unknown>) => ok(api('POST', '/api/v1/assistants', { body }), 201);
  const link = (assistantId: string, body: Record<string, unknown>) =>
    api('POST', `/api/v1/assistants/${assistantId}/prompts`, { body });

  describe('versioned prompts', () => {
    it('creates version 1 labelled latest; a change makes an immutable version 2 and moves latest', async () => {
      const res = await api('POST', '/api/v1/prompts', {
        body: {
          name: 'Greeting',
          tags: ['intro'],
          template: 'Hello {{user}}, welcome to {{place}}.',
          variables: [{ name: 'place', required: false, default: 'the shop' }],
        },
      });
      expect(res.status).toBe(201);
      const p = res.body;
      expect(p).toMatchObject({ name: 'Greeting', version: 1, latestVersion: 1, labels: { latest: 1 } });
      expect(p.variables.map((v: any) => v.name).sort()).toEqual(['place', 'user']);
      expect(res.headers.get('location')).toBe(`/api/v1/prompts/${p.id}`);
      expect(res.headers.get('etag')).toBe('"1"');

      const v2 = await ok(api('PUT', `/api/v1/prompts/${p.id}`, { body: { template: 'Hi {{user}}!' } }));
      expect(v2).toMatchObject({ version: 2, latestVersion: 2, labels: { latest: 2 }, template: 'Hi {{user}}!' });
      const read1 = await api('GET', `/api/v1/prompts/${p.id}?version=1`);
      expect(read1.body).toMatchObject({
        version: 1,
        latestVersion: 2,
        template: 'Hello {{user}}, welcome to {{place}}.',
      });
      expect(read1.headers.get('etag')).toBe('"1"'); // the version read, not the latest
      const byLabel = await api('GET', `/api/v1/prompts/${p.id}?label=latest`);
      expect([byLabel.body.version, byLabel.headers.get('etag')]).toEqual([2, '"2"']);
      const current = await api('GET', `/api/v1/prompts/${p.id}`);
      expect([current.body.version, current.headers.get('etag')]).toEqual([2, '"2"']);
      expect((await api('GET', `/api/v1/prompts/${p.id}?version=3`)).status).toBe(404);
      expect((await api('GET', `/api/v1/prompts/${p.id}?label=nope`)).status).toBe(404);
      const stale = await api('PUT', `/api/v1/prompts/${p.id}`, {
        body: { template: 'x' },
        headers: { 'if-match': '"1"' },
      });
      expect(stale.status).toBe(412);

      const versions = await ok(api('GET', `/api/v1/prompts/${p.id}/versions?limit=1`));
      expect(versions.data.map((v: any) => v.version)).toEqual([1]);
      const rest = await ok(api('GET', `/api/v1/prompts/${p.id}/versions?limit=1&cursor=${versions.nextCursor}`));
      expect(rest.data).toMatchObject([{ version: 2, labels: ['latest'], actorId: 'admin' }]);
      expect(rest.nextCursor).toBeNull();
    });

    it('moves and removes labels, protects latest, and filters lists', async () => {
      const p = await createPrompt({ name: 'Labelled', tags: ['lab', 'ops'], template: 'one' });
      await ok(api('PUT', `/api/v1/prompts/${p.id}`, { body: { template: 'two' } }));
      expect(
        await ok(api('POST', `/api/v1/prompts/${p.id}/labels`, { body: { label: 'production', version: 1 } })),
      ).toMatchObject({ labels: { latest: 2, production: 1 } });
      const production = await api('GET', `/api/v1/prompts/${p.id}?label=production`);
      expect(production.body).toMatchObject({ version: 1, template: 'one' });
      expect(production.headers.get('etag')).toBe('"1"');
      expect(
        (await api('POST', `/api/v1/prompts/${p.id}/labels`, { body: { label: 'production', version: 9 } })).status,
      ).toBe(404);
      expect(
        (await api('POST', `/api/v1/prompts/${p.id}/labels`, { body: { label: 'latest', version: 1 } })).status,
      ).toBe(409);
      expect((await api('DELETE', `/api/v1/prompts/${p.id}/labels/latest`)).status).toBe(409);
      const listed = await ok(api('GET', '/api/v1/prompts?label=production&tag=lab'));
      expect(listed.data.map((x: any) => x.id)).toEqual([p.id]);
      expect((await ok(api('GET', '/api/v1/prompts?tag=ops&tag=lab'))).data.map((x: any) => x.id)).toEqual([p.id]);
      expect((await ok(api('GET', '/api/v1/prompts?tag=lab&tag=elsewhere'))).data).toEqual([]);
      expect((await api('DELETE', `/api/v1/prompts/${p.id}/labels/production`)).status).toBe(204);
      expect((await api('DELETE', `/api/v1/prompts/${p.id}/labels/production`)).status).toBe(404);
      expect((await ok(api('GET', '/api/v1/prompts?label=production&tag=lab'))).data).toEqual([]);
      expect((await ok(api('GET', '/api/v1/prompts?name=labell'))).data.map((x: any) => x.id)).toEqual([p.id]);
    });

    it('refuses duplicate names, templates that do not parse (with the position) and bad fields', async () => {
      await createPrompt({ name: 'Unique Name', template: 'x' });
      const dup = await api('POST', '/api/v1/prompts', { body: { name: 'unique name', template: 'y' } });
      expect(dup.status).toBe(409);
      const broken = await api('POST', '/api/v1/prompts', {
        body: { name: 'Broken', template: 'line one\nline two {{#if x}} never closed' },
      });
      expect(broken.status).toBe(400);
      expect(broken.body.errors[0].field).toBe('template');
      expect(broken.body.line).toBeGreaterThanOrEqual(2);
      expect(broken.body.detail).toMatch(/line/i);
      const bad = await api('POST', '/api/v1/prompts', {
        body: { name: '', template: 3, variables: [{ name: '1bad' }] },
      });
      expect(bad.status).toBe(400);
      expect(bad.body.errors.map((e: any) => e.field).sort()).toEqual(['name', 'template', 'variables.0.name']);
    });
  });

  describe('links', () => {
    it('links primary, secondary and fallback prompts in order, one primary only, with pins and labels', async () => {
      const a = await createAssistant({ name: 'Linker' });
      const p1 = await createPrompt({ name: 'Main', template: 'main' });
      const p2 = await createPrompt({ name: 'Side A', template: 'a' });
      const p3 = await createPrompt({ name: 'Side B', template: 'b' });
      const p4 = await createPrompt({ name: 'Backup', template: 'backup' });
      const res = await link(a.id, { promptId: p1.id, role: 'primary' });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        promptId: p1.id,
        role: 'primary',
        pin: { label: 'latest' },
        resolvedVersion: 1,
        priority: 50,
      });
      expect(res.headers.get('location')).toBe(`/api/v1/assistants/${a.id}/prompts/${p1.id}`);
      const followed = await api('GET', res.headers.get('location')!);
      expect(followed.status).toBe(200);
      expect(followed.body).toEqual(res.body);
      expect((await api('GET', `/api/v1/assistants/${a.id}/prompts/${p2.id}`)).status).toBe(404);
      const nobody = '01900000-0000-7000-8000-000000000000';
      expect((await api('GET', `/api/v1/assistants/${nobody}/prompts/${p1.id}`)).status).toBe(404);
      expect((await link(a.id, { promptId: p2.id, role: 'primary' })).status).toBe(409);
      await ok(link(a.id, { promptId: p2.id, role: 'secondary', priority: 10 }), 201);
      await ok(link(a.id, { promptId: p3.id, role: 'secondary', priority: 90, version: 1 }), 201);
      await ok(link(a.id, { promptId: p4.id, role: 'fallback' }), 201);
      expect((await link(a.id, { promptId: p4.id, role: 'fallback' })).status).toBe(409);
      const links = await ok(api('GET', `/api/v1/assistants/${a.id}/prompts`));
      expect(links.data.map((l: any) => [l.promptName, l.role, l.resolvedVersion])).toEqual([
        ['Main', 'primary', 1],
        ['Side B', 'secondary', 1],
        ['Side A', 'secondary', 1],
        ['Backup', 'fallback', 1],
      ]);
      expect(links.nextCursor).toBeNull();
      const updated = await ok(api('PUT', `/api/v1/assistants/${a.id}/prompts/${p2.id}`, { body: { priority: 95 } }));
      expect(updated).toMatchObject({ priority: 95 });
      expect(
        (await api('PUT', `/api/v1/assistants/${a.id}/prompts/${p2.id}`, { body: { role: 'primary' } })).status,
      ).toBe(409);
      const users = await ok(api('GET', `/api/v1/assistants/prompts/${p2.id}/assistants`));
      expect(users.data).toEqual([
        {
          assistantId: a.id,
          name: 'Linker',
          status: 'draft',
          role: 'secondary',
          priority: 95,
          pin: { label: 'latest' },
        },
      ]);
      expect(users.nextCursor).toBeNull();
      expect((await api('DELETE', `/api/v1/assistants/${a.id}/prompts/${p2.id}`)).status).toBe(204);
      expect((await api('DELETE', `/api/v1/assistants/${a.id}/prompts/${p2.id}`)).status).toBe(404);
      expect((await ok(api('GET', `/api/v1/assistants/prompts/${p2.id}/assistants`))).data).toEqual([]);
    });

    it('pages the assistants using a prompt by name', async () => {
      const p = await createPrompt({ name: 'Widely used', template: 'x' });
      const names = ['Echo', 'Alpha', 'Delta', 'Bravo', 'Charlie'];
      for (const name of names) {
        const assistant = await createAssistant({ name });
        await ok(link(assistant.id, { promptId: p.id, role: 'primary' }), 201);
      }
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: any = await ok(
          api('GET', `/api/v1/assistants/prompts/${p.id}/assistants?limit=2${cursor ? `&cursor=${cursor}` : ''}`),
        );
        expect(page.data.length).toBeLessThanOrEqual(2);
        seen.push(...page.data.map((x: any) => x.name));
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen).toEqual([...names].sort());
      const bad = await api('GET', `/api/v1/assistants/prompts/${p.id}/assistants?cursor=garbage`);
      expect(bad.body.errors).toEqual([{ field: 'cursor', message: expect.any(String) }]);
    });

    it('pins a version or follows a label: a label move shows at once', async () => {
      const a = await createAssistant({ name: 'Follower' });
      const p = await createPrompt({ name: 'Moving', template: 'v1 text' });
      await ok(api('PUT', `/api/v1/prompts/${p.id}`, { body: { template: 'v2 text' } }));
      await ok(api('POST', `/api/v1/prompts/${p.id}/labels`, { body: { label: 'production', version: 1 } }));
      await ok(link(a.id, { promptId: p.id, role: 'primary', label: 'production' }), 201);
      const pinned = await createPrompt({ name: 'Pinned', template: 'pinned v1' });
      await ok(api('PUT', `/api/v1/prompts/${pinned.id}`, { body: { template: 'pinned v2' } }));
      await ok(link(a.id, { promptId: pinned.id, role: 'secondary', version: 1 }), 201);
      const before = await ok(api('GET', `/api/v1/assistants/${a.id}/system-prompt`));
      expect(before.text).toContain('v1 text');
      expect(before.text).toContain('pinned v1');
      await ok(api('POST', `/api/v1/prompts/${p.id}/labels`, { body: { label: 'production', version: 2 } }));
      await ok(api('PUT', `/api/v1/prompts/${pinned.id}`, { body: { template: 'pinned v3' } }));
      const after = await ok(api('GET', `/api/v1/assistants/${a.id}/system-prompt`));
      expect(after.text).toContain('v2 text');
      expect(after.text).toContain('pinned v1');
      const links = await ok(api('GET', `/api/v1/assistants/${a.id}/prompts`));
      expect(links.data.map((l: any) => l.resolvedVersion)).toEqual([2, 1]);
      expect(
        (
          await link(a.id, {
            promptId: (await createPrompt({ name: 'No such pin', template: 'x' })).id,
            role: 'fallback',
            version: 5,
          })
        ).status,
      ).toBe(422);
    });

    it('keeps links of an archived assistant in its history and refuses new ones', async () => {
      const a = await createAssistant({ name: 'Retired' });
      const p = await createPrompt({ name: 'Retired prompt', template: 'x' });
      await ok(link(a.id, { promptId: p.id, role: 'primary' }), 201);
      expect((await api('DELETE', `/api/v1/assistants/${a.id}`)).status).toBe(204);
      const another = await createPrompt({ name: 'Too late', template: 'y' });
      expect((await link(a.id, { promptId: another.id, role: 'secondary' })).status).toBe(409);
      const history = await ok(api('GET', `/api/v1/assistants/${a.id}/history`));
      expect(history.data.map((e: any) => e.type)).toEqual([
        'AssistantCreated',
        'AssistantPromptLinked',
        'AssistantArchived',
      ]);
      expect((await ok(api('GET', `/api/v1/assistants/${a.id}/prompts`))).data).toHaveLength(1);
    });

    it('rejects bad links with field errors', async () => {
      const a = await createAssistant({ name: 'Strict Linker' });
      const res = await link(a.id, {
        promptId: 'nope',
        role: 'boss',
        conditions: [{ variable: 'locale', operator: 'like', value: 'de' }],
      });
      expect(res.status).toBe(400);
      expect(res.body.errors.map((e: any) => e.field).sort()).toEqual(['conditions.0.operator', 'promptId', 'role']);
      const p = await createPrompt({ name: 'Pin twice', template: 'x' });
      const both = await link(a.id, { promptId: p.id, role: 'secondary', version: 1, label: 'latest' });
      expect(both.status).toBe(400);
      expect((await link(a.id, { promptId: '01900000-0000-7000-8000-000000000000', role: 'secondary' })).status).toBe(
        404,
      );
    });
  });

  describe('suggestions', () => {
    it('ranks unlinked prompts by shared tags, type, keywords and use by assistants of the same type', async () => {
      const a = await createAssistant({
        name: 'Billing Helper',
        type: 'support',
        tags: ['billing', 'invoices'],
        specialty: 'refunds',
        persona: {
          knowledgeDomains: [{ name: 'Payments', expertiseLevel: 7, topics: ['chargebacks'], keywords: ['stripe'] }],
        },
      });
      const both = await createPrompt({
        name: 'Invoice answers',
        tags: ['billing', 'invoices'],
        template: 'Explain refunds politely.',
      });
      const oneTag = await createPrompt({ name: 'Billing basics', tags: ['billing'], template: 'Basics.' });
      const keyword = await createPrompt({
        name: 'Chargeback guide',
        template: 'How chargebacks and stripe disputes work.',
      });
      const unrelated = await createPrompt({ name: 'Poetry', tags: ['art'], template: 'Write a sonnet.' });
      const linkedAlready = await createPrompt({
        name: 'Already linked',
        tags: ['billing', 'invoices'],
        template: 'x',
      });
      await ok(link(a.id, { promptId: linkedAlready.id, role: 'secondary' }), 201);
      const peer = await createAssistant({ name: 'Other Support', type: 'support' });
      const popular = await createPrompt({ name: 'Kindness', template: 'Be kind.' });
      await ok(link(peer.id, { promptId: popular.id, role: 'primary' }), 201);

      const res = await ok(api('GET', `/api/v1/assistants/${a.id}/prompts/suggestions?limit=10`));
      expect(res.nextCursor).toBeNull();
      const ids = res.data.map((s: any) => s.promptId);
      expect(ids).not.toContain(linkedAlready.id);
      expect(ids).not.toContain(unrelated.id);
      expect(ids.slice(0, 2)).toEqual([both.id, oneTag.id]);
      expect(ids).toEqual(expect.arrayContaining([keyword.id, popular.id]));
      const top = res.data[0];
      expect(top.reasons).toEqual(
        expect.arrayContaining([expect.stringContaining('billing, invoices'), expect.stringContaining('refunds')]),
      );
      expect(res.data.find((s: any) => s.promptId === popular.id).reasons).toEqual([
        expect.stringContaining('used by 1 other support assistant'),
      ]);
      const scores = res.data.map((s: any) => s.score);
      expect(scores).toEqual([...scores].sort((x: number, y: number) => y - x));
      expect((await ok(api('GET', `/api/v1/assistants/${a.id}/prompts/suggestions?limit=1`))).data).toHaveLength(1);
    });
  });

  describe('system prompt composition', () => {
    it('composes persona, primary (or fallback) and matching secondaries, the same bytes every time', async () => {
      const a = await createAssistant({
        name: 'Composer',
        configuration: { model: 'gpt-4o' },
        persona: {
          personality: 'Patient and precise',
          tone: 'warm',
          traits: [
            { name: 'humour', category: 'personality', value: 20, weight: 2 },
            { name: 'accuracy', category: 'expertise', value: 95, weight: 9 },
          ],
          responseStyle: { type: 'technical', formality: 8, verbosity: 2 },
          behaviorRules: [
            { condition: 'asked for legal advice', action: 'decline politely', priority: 10, mandatory: true },
            { condition: 'the user is new', action: 'offer a short tour', priority: 90, mandatory: false },
          ],
        },
      });
      const primary = await createPrompt({ name: 'German primary', template: 'Antworte auf Deutsch, {{user}}.' });
      const fallback = await createPrompt({ name: 'English fallback', template: 'Answer in English, {{user}}.' });
      const lowFallback = await createPrompt({ name: 'Low fallback', template: 'Low fallback.' });
      const vip = await createPrompt({ name: 'VIP secondary', template: 'The user is a VIP (tier {{tier}}).' });
      const always = await createPrompt({ name: 'Always secondary', template: 'Keep answers short.' });
      await ok(
        link(a.id, {
          promptId: primary.id,
          role: 'primary',
          conditions: [{ variable: 'locale', operator: 'eq', value: 'de' }],
        }),
        201,
      );
      await ok(link(a.id, { promptId: fallback.id, role: 'fallback', priority: 80 }), 201);
      await ok(link(a.id, { promptId: lowFallback.id, role: 'fallback', priority: 10 }), 201);
      await ok(
        link(a.id, {
          promptId: vip.id,
          role: 'secondary',
          priority: 60,
          conditions: [{ variable: 'tier', operator: 'gt', value: 2 }],
        }),
        201,
      );
      await ok(link(a.id, { promptId: always.id, role: 'secondary', priority: 40 }), 201);

      const de = await ok(
        api('POST', `/api/v1/assistants/${a.id}/system-prompt`, {
          body: { variables: { locale: 'de', user: 'Ada', tier: 3 } },
        }),
      );
      expect(de.parts.map((p: any) => [p.source, p.promptId ?? null])).toEqual([
        ['persona', null],
        ['primary', primary.id],
        ['secondary', vip.id],
        ['secondary', always.id],
      ]);
      expect(de.text).toContain('Antworte auf Deutsch, Ada.');
      expect(de.text).toContain('tier 3');
      expect(de.text.indexOf('accuracy')).toBeLessThan(de.text.indexOf('humour'));
      expect(de.text.indexOf('legal advice')).toBeLessThan(de.text.indexOf('short tour'));
      expect(de.encoding).toBe('o200k_base');
      expect(de.tokenCount).toBeGreaterThan(20);
      expect(de.parts.every((p: any) => p.tokens > 0)).toBe(true);

      const again = await ok(
        api('POST', `/api/v1/assistants/${a.id}/system-prompt`, {
          body: { variables: { tier: 3, user: 'Ada', locale: 'de' } },
        }),
      );
      expect(again.text).toBe(de.text);

      const en = await ok(
        api('POST', `/api/v1/assistants/${a.id}/system-prompt`, {
          body: { variables: { locale: 'fr', user: 'Bo', tier: 1 } },
        }),
      );
      expect(en.parts.map((p: any) => p.promptId ?? p.source)).toEqual(['persona', fallback.id, always.id]);
      expect(en.parts[1].source).toBe('fallback');
      expect(en.text).toContain('Answer in English, Bo.');
      expect(en.text).not.toContain('VIP');

      // The primary cannot render without `user`, nor can the English fallback: the next fallback that can is used.
      const noUser = await ok(
        api('POST', `/api/v1/assistants/${a.id}/system-prompt`, { body: { variables: { locale: 'de', tier: 1 } } }),
      );
      expect(noUser.parts.map((p: any) => p.promptId ?? p.source)).toEqual(['persona', lowFallback.id, always.id]);

      const strict = await createAssistant({ name: 'Strict Composer' });
      const needy = await createPrompt({
        name: 'Needy',
        template: '{{user}} works at {{company}} in {{city}}.',
        variables: [{ name: 'city', required: false, default: 'Paris' }],
      });
      await ok(link(strict.id, { promptId: needy.id, role: 'primary' }), 201);
      const missing = await api('POST', `/api/v1/assistants/${strict.id}/system-prompt`, { body: { variables: {} } });
      expect(missing.status).toBe(422);
      expect(missing.body.errors).toEqual([
        { field: 'variables.company', message: 'required' },
        { field: 'variables.user', message: 'required' },
      ]);
      const filled = await ok(
        api('POST', `/api/v1/assistants/${strict.id}/system-prompt`, {
          body: { variables: { user: 'Ada', company: 'Acme' } },
        }),
      );
      expect(filled.text).toContain('Ada works at Acme in Paris.');
      const bad = await api('POST', `/api/v1/assistants/${a.id}/system-prompt`, {
        body: { variables: { locale: { nested: true } } },
      });
      expect(bad.status).toBe(400);
    });
  });

  describe('OpenAPI', () => {
    it('documents the prompt, link and composition endpoints with their schemas', async () => {
      const doc = (await api('GET', '/api/docs-json', { auth: false })).body;
      expect(Object.keys(doc.paths)).toEqual(
        expect.arrayContaining([
          '/api/v1/prompts',
          '/api/v1/prompts/{id}',
          '/api/v1/prompts/{id}/versions',
          '/api/v1/prompts/{id}/labels',
          '/api/v1/prompts/{id}/labels/{label}',
          '/api/v1/assistants/{id}/prompts',
          '/api/v1/assistants/{id}/prompts/{promptId}',
          '/api/v1/assistants/{id}/prompts/suggestions',
          '/api/v1/assistants/prompts/{promptId}/assistants',
          '/api/v1/assistants/{id}/system-prompt',
        ]),
      );
      const create = doc.paths['/api/v1/prompts'].post.requestBody.content['application/json'].schema;
      expect(create.required).toEqual(expect.arrayContaining(['name', 'template']));
    });
  });

  describe('read model rebuild', () => {
    it('replays every event from position 0 into read models identical to the live ones', async () => {
      const snapshot = async () => {
        const pg = new Client({ connectionString: platform.databaseUrl });
        await pg.connect();
        try {
          const tables = [
            'assistant_view ORDER BY id',
            'assistant_prompt_links ORDER BY assistant_id, prompt_id',
            'prompt_view ORDER BY id',
            'prompt_versions ORDER BY prompt_id, version',
          ];
          const out: Record<string, unknown[]> = {};
          for (const t of tables) out[t] = (await pg.query(`SELECT * FROM assistants.${t}`)).rows;
          return out;
        } finally {
          await pg.end();
        }
      };
      const live = await snapshot();
      expect(live['assistant_view ORDER BY id'].length).toBeGreaterThan(5);
      const root = join(__dirname, '..', '..', '..');
      const { stdout } = await promisify(execFile)(
        process.execPath,
        [join(root, 'tools', 'projections', 'rebuild.mjs'), 'assistants'],
        {
          cwd: root,
          env: { ...process.env, DATABASE_URL: platform.databaseUrl },
        },
      );
      expect(stdout).toMatch(/replayed \d+ events/);
      expect(await snapshot()).toEqual(live);
    });
  });
});
