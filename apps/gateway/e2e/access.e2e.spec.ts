/* eslint-disable @typescript-eslint/no-explicit-any */
import { allows, API_KEY_PREFIX, ROLES, type Permission, type Role } from '@platform/contracts';
import { startIsolatedPlatform, waitFor, type IsolatedPlatform } from '@platform/testing';
import { Client } from 'pg';
import { client } from './http-client';

type Api = ReturnType<typeof client>;

/** A request for one operation: its path with the ids filled in, and the body or query it needs to succeed. */
interface Call {
  path: string;
  body?: unknown;
}

/**
 * How to call each operation of the OpenAPI document successfully, given a caller to set things up with (fresh
 * resources per call, so a call that archives, revokes or unlinks never spoils the next). An operation the
 * document has and this table lacks fails the matrix: every new operation needs its access decision tested.
 */
type Fixture = (setup: Setup) => Promise<Call>;

class Setup {
  private n = 0;
  /** `admin` deploys (editors may not): what it deploys stays the assistant owner's. */
  constructor(
    private readonly api: Api,
    private readonly admin: Api = api,
  ) {}

  private async ok(method: string, path: string, body?: unknown, status = 201, api = this.api): Promise<any> {
    const res = await api(method, path, { body });
    if (res.status !== status) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }
  unique = (what: string) => `${what} ${process.pid}-${Date.now()}-${++this.n}`;
  assistant = () => this.ok('POST', '/api/v1/assistants', { name: this.unique('Assistant') });
  prompt = () =>
    this.ok('POST', '/api/v1/prompts', {
      name: this.unique('Prompt'),
      template: 'Hello {{user}}',
      variables: [{ name: 'user', required: false, default: 'there' }],
    });
  linked = async () => {
    const [a, p] = await Promise.all([this.assistant(), this.prompt()]);
    await this.ok('POST', `/api/v1/assistants/${a.id}/prompts`, { promptId: p.id, role: 'primary' });
    return { a, p };
  };
  labelled = async () => {
    const p = await this.prompt();
    await this.ok('POST', `/api/v1/prompts/${p.id}/labels`, { label: 'production', version: 1 }, 200);
    return p;
  };
  key = () => this.ok('POST', '/api/v1/api-keys', { name: this.unique('Key'), role: 'viewer' });
  conversation = async () => {
    const a = await this.assistant();
    await this.ok('PUT', `/api/v1/assistants/${a.id}`, { status: 'active' }, 200);
    return this.ok('POST', '/api/v1/conversations', { assistantId: a.id });
  };
  active = async () => {
    const a = await this.assistant();
    return this.ok('PUT', `/api/v1/assistants/${a.id}`, { status: 'active' }, 200);
  };
  /** An active assistant deployed to development (`manual`: waiting there for an orchestrator). */
  deployed = async (manual = false) => {
    const a = await this.active();
    const d = await this.ok(
      'POST',
      `/api/v1/assistants/${a.id}/deploy`,
      { environment: 'development', manual },
      201,
      this.admin,
    );
    return { a, d };
  };
  redeploy = (assistantId: string) =>
    this.ok('POST', `/api/v1/assistants/${assistantId}/deploy`, { environment: 'development' }, 201, this.admin);
  /** An assistant analytics has seen (it learns of assistants from the bus, so this waits until it has). */
  analysed = async () => {
    const a = await this.assistant();
    await waitFor(
      async () => (await this.api('GET', `/api/v1/assistants/${a.id}/metrics`)).status === 200,
      'analytics sees the assistant',
      15_000,
    );
    return a;
  };
  /** A conversation with an assistant message in it (what feedback rates). */
  answered = async () => {
    const c = await this.conversation();
    const m = await this.ok('POST', `/api/v1/conversations/${c.id}/messages`, { role: 'assistant', content: 'Hi!' });
    return { c, m };
  };
}

const FIXTURES: Record<string, Fixture> = {
  createAssistant: async (s) => ({ path: '/assistants', body: { name: s.unique('New') } }),
  listAssistants: async () => ({ path: '/assistants' }),
  searchAssistants: async () => ({ path: '/assistants/search?q=assistant' }),
  listPopularAssistants: async () => ({ path: '/assistants/popular' }),
  listAssistantTypes: async () => ({ path: '/assistants/types' }),
  listAssistantStatuses: async () => ({ path: '/assistants/statuses' }),
  getAssistant: async (s) => ({ path: `/assistants/${(await s.assistant()).id}` }),
  updateAssistant: async (s) => ({ path: `/assistants/${(await s.assistant()).id}`, body: { description: 'changed' } }),
  archiveAssistant: async (s) => ({ path: `/assistants/${(await s.assistant()).id}` }),
  cloneAssistant: async (s) => ({ path: `/assistants/${(await s.assistant()).id}/clone`, body: {} }),
  recordAssistantUsage: async (s) => ({ path: `/assistants/${(await s.assistant()).id}/usage`, body: { tokens: 5 } }),
  listAssistantHistory: async (s) => ({ path: `/assistants/${(await s.assistant()).id}/history` }),
  createPrompt: async (s) => ({ path: '/prompts', body: { name: s.unique('New prompt'), template: 'Hi' } }),
  listPrompts: async () => ({ path: '/prompts' }),
  getPrompt: async (s) => ({ path: `/prompts/${(await s.prompt()).id}` }),
  revisePrompt: async (s) => ({ path: `/prompts/${(await s.prompt()).id}`, body: { template: 'Hey {{user}}' } }),
  listPromptVersions: async (s) => ({ path: `/prompts/${(await s.prompt()).id}/versions` }),
  movePromptLabel: async (s) => ({
    path: `/prompts/${(await s.prompt()).id}/labels`,
    body: { label: 'production', version: 1 },
  }),
  removePromptLabel: async (s) => ({ path: `/prompts/${(await s.labelled()).id}/labels/production` }),
  listAssistantsUsingPrompt: async (s) => ({ path: `/assistants/prompts/${(await s.prompt()).id}/assistants` }),
  linkPrompt: async (s) => {
    const [a, p] = await Promise.all([s.assistant(), s.prompt()]);
    return { path: `/assistants/${a.id}/prompts`, body: { promptId: p.id, role: 'primary' } };
  },
  listPromptLinks: async (s) => ({ path: `/assistants/${(await s.linked()).a.id}/prompts` }),
  getPromptLink: async (s) => {
    const { a, p } = await s.linked();
    return { path: `/assistants/${a.id}/prompts/${p.id}` };
  },
  suggestPrompts: async (s) => ({ path: `/assistants/${(await s.assistant()).id}/prompts/suggestions` }),
  updatePromptLink: async (s) => {
    const { a, p } = await s.linked();
    return { path: `/assistants/${a.id}/prompts/${p.id}`, body: { priority: 5 } };
  },
  unlinkPrompt: async (s) => {
    const { a, p } = await s.linked();
    return { path: `/assistants/${a.id}/prompts/${p.id}` };
  },
  composeSystemPromptWithVariables: async (s) => ({
    path: `/assistants/${(await s.linked()).a.id}/system-prompt`,
    body: { variables: { user: 'Ada' } },
  }),
  composeSystemPrompt: async (s) => ({ path: `/assistants/${(await s.linked()).a.id}/system-prompt` }),
  startConversation: async (s) => {
    const { assistantId } = await s.conversation();
    return { path: '/conversations', body: { assistantId } };
  },
  listConversations: async () => ({ path: '/conversations' }),
  listActiveConversations: async () => ({ path: '/conversations/active' }),
  getConversation: async (s) => ({ path: `/conversations/${(await s.conversation()).id}` }),
  appendMessage: async (s) => ({
    path: `/conversations/${(await s.conversation()).id}/messages`,
    body: { role: 'user', content: 'Hello' },
  }),
  listMessages: async (s) => ({ path: `/conversations/${(await s.conversation()).id}/messages` }),
  setConversationContext: async (s) => ({
    path: `/conversations/${(await s.conversation()).id}/context`,
    body: { variables: { locale: 'en' } },
  }),
  endConversation: async (s) => ({ path: `/conversations/${(await s.conversation()).id}/end`, body: {} }),
  getConversationSummary: async (s) => ({ path: `/conversations/${(await s.conversation()).id}/summary` }),
  rateMessage: async (s) => {
    const { c, m } = await s.answered();
    return { path: `/conversations/${c.id}/messages/${m.id}/feedback`, body: { rating: 4 } };
  },
  createApiKey: async (s) => ({ path: '/api-keys', body: { name: s.unique('Matrix key'), role: 'viewer' } }),
  listApiKeys: async () => ({ path: '/api-keys' }),
  getApiKey: async (s) => ({ path: `/api-keys/${(await s.key()).id}` }),
  revokeApiKey: async (s) => ({ path: `/api-keys/${(await s.key()).id}` }),
  listAuditEntries: async () => ({ path: '/audit' }),
  listEnvironments: async () => ({ path: '/assistants/environments' }),
  deployAssistant: async (s) => ({
    path: `/assistants/${(await s.active()).id}/deploy`,
    body: { environment: 'development' },
  }),
  reportDeploymentStatus: async (s) => ({
    path: `/assistants/deployments/${(await s.deployed(true)).d.id}/status`,
    body: { status: 'deploying' },
  }),
  rollbackDeployment: async (s) => {
    const { a } = await s.deployed();
    await s.redeploy(a.id); // the first deployment is what the rollback goes back to
    return { path: `/assistants/${a.id}/rollback`, body: { environment: 'development' } };
  },
  listDeployments: async (s) => ({ path: `/assistants/${(await s.assistant()).id}/deployments` }),
  // Deployed: the status read finds the owner among the deployments (listDeployments covers one without any).
  getDeploymentStatus: async (s) => ({ path: `/assistants/${(await s.deployed()).a.id}/deployment-status` }),
  promoteDeployment: async (s) => ({
    path: `/assistants/${(await s.deployed()).a.id}/promote`,
    body: { fromEnvironment: 'development', toEnvironment: 'testing' },
  }),
  scaleDeployment: async (s) => ({
    path: `/assistants/${(await s.deployed()).a.id}/scale`,
    body: { environment: 'development', replicas: 2 },
  }),
  getAssistantMetrics: async (s) => ({ path: `/assistants/${(await s.analysed()).id}/metrics` }),
  getAssistantUsage: async (s) => ({ path: `/assistants/${(await s.analysed()).id}/usage?granularity=week` }),
  getAssistantHealth: async (s) => ({ path: `/assistants/${(await s.analysed()).id}/health` }),
  compareAssistants: async (s) => {
    const [a, b] = await Promise.all([s.analysed(), s.analysed()]);
    return { path: '/assistants/compare', body: { assistantIds: [a.id, b.id] } };
  },
  getAnalyticsSummary: async () => ({ path: '/assistants/summary' }),
  getAnalyticsLag: async () => ({ path: '/analytics/lag' }),
};

interface DocumentedOperation {
  method: string;
  path: string;
  id: string;
  permission: Permission | undefined;
  success: number;
  scoped: boolean;
}

/** Every operation of the served OpenAPI document, with the permission it declares and its success status. */
let served: Promise<any> | undefined;
async function documentedOperations(baseUrl: string): Promise<DocumentedOperation[]> {
  const doc = await (served ??= fetch(`${baseUrl}/api/docs-json`).then((res) => res.json()));
  const out: DocumentedOperation[] = [];
  for (const [path, item] of Object.entries<any>(doc.paths)) {
    for (const [method, op] of Object.entries<any>(item)) {
      out.push({
        method: method.toUpperCase(),
        path,
        id: op.operationId,
        permission: op['x-permission'],
        success: Number(Object.keys(op.responses).find((s) => s.startsWith('2'))),
        // Owner-scoped: an operation on one assistant or prompt (a path id), not on keys.
        scoped: /\{(id|promptId)\}/.test(path) && !path.startsWith('/api/v1/api-keys'),
      });
    }
  }
  return out;
}

describe('access control: API keys, roles, owners and the audit trail', () => {
  let platform: IsolatedPlatform;
  let admin: Api;
  const keys: Partial<Record<Role, { id: string; secret: string }>> = {};
  const clients = new Map<string, Api>();
  const as = (secret: string) => {
    if (!clients.has(secret)) clients.set(secret, client(platform.baseUrl, secret, { contracts: true }));
    return clients.get(secret)!;
  };

  const createKey = async (body: Record<string, unknown>) => {
    const res = await admin('POST', '/api/v1/api-keys', { body });
    if (res.status !== 201) throw new Error(`key: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };

  beforeAll(async () => {
    platform = await startIsolatedPlatform('e2e_access');
    admin = client(platform.baseUrl, platform.token, { contracts: true });
    for (const role of ROLES) keys[role] = await createKey({ name: `${role} key`, role });
  });
  afterAll(() => platform?.dispose());

  describe('API keys', () => {
    it('shows the secret once, prefixed; lists and reads never show it; the secret works as the bearer token', async () => {
      const created = await createKey({ name: 'CI deploys', role: 'editor', ownerId: 'team-ci' });
      expect(created).toMatchObject({ name: 'CI deploys', role: 'editor', ownerId: 'team-ci', status: 'active' });
      expect(created.secret.startsWith(API_KEY_PREFIX)).toBe(true);
      expect(created.secret.length).toBeGreaterThanOrEqual(40);

      const listed = await admin('GET', '/api/v1/api-keys?limit=100');
      const read = await admin('GET', `/api/v1/api-keys/${created.id}`);
      for (const body of [listed.body, read.body]) expect(JSON.stringify(body)).not.toContain(created.secret);
      expect(read.body).not.toHaveProperty('secret');
      expect(listed.body.data.map((k: any) => k.id)).toContain(created.id);

      const me = await as(created.secret)('GET', '/api/v1/assistants');
      expect(me.status).toBe(200);
    });

    it('refuses a revoked key within a second on every gateway, with 401', async () => {
      const key = await createKey({ name: 'short-lived', role: 'viewer' });
      const second = await platform.startGateway();
      try {
        const viaFirst = as(key.secret);
        const viaSecond = client(second.baseUrl, key.secret, { contracts: true });
        // Both gateways have just checked the key, so both hold an answer they trust for a while.
        expect((await viaFirst('GET', '/api/v1/assistants')).status).toBe(200);
        expect((await viaSecond('GET', '/api/v1/assistants')).status).toBe(200);

        const revoked = await admin('DELETE', `/api/v1/api-keys/${key.id}`);
        expect(revoked.status).toBe(204);
        const at = Date.now();
        await waitFor(
          async () =>
            (await viaFirst('GET', '/api/v1/assistants')).status === 401 &&
            (await viaSecond('GET', '/api/v1/assistants')).status === 401,
          'both gateways refuse the revoked key',
          5_000,
        );
        expect(Date.now() - at).toBeLessThan(1_000);
        const refused = await viaSecond('GET', '/api/v1/assistants');
        expect(refused.body).toMatchObject({ status: 401 });
        expect(refused.headers.get('www-authenticate')).toContain('invalid_token');
        expect((await admin('GET', `/api/v1/api-keys/${key.id}`)).body).toMatchObject({ status: 'revoked' });
        // Revoking again changes nothing.
        expect((await admin('DELETE', `/api/v1/api-keys/${key.id}`)).status).toBe(204);
      } finally {
        await second.stop();
      }
    });

    it('refuses an expired key, and an expiry in the past at creation (422 naming expiresAt)', async () => {
      const soon = new Date(Date.now() + 1_500).toISOString();
      const key = await createKey({ name: 'expiring', role: 'viewer', expiresAt: soon });
      expect((await as(key.secret)('GET', '/api/v1/assistants')).status).toBe(200);
      await waitFor(async () => (await as(key.secret)('GET', '/api/v1/assistants')).status === 401, 'expiry', 5_000);

      const past = await admin('POST', '/api/v1/api-keys', {
        body: { name: 'too late', role: 'viewer', expiresAt: '2020-01-01T00:00:00Z' },
      });
      expect(past.status).toBe(422);
      expect(JSON.stringify(past.body)).toContain('expiresAt');
    });

    it('refuses bad key input with 400 naming each field', async () => {
      const res = await admin('POST', '/api/v1/api-keys', { body: { name: '', role: 'root', extra: 1 } });
      expect(res.status).toBe(400);
      expect(res.body.errors.map((e: any) => e.field).sort()).toEqual(['extra', 'name', 'role']);
    });

    it('401 for an unknown or malformed key, never echoing it', async () => {
      for (const token of [`${API_KEY_PREFIX}${'0'.repeat(60)}`, `${API_KEY_PREFIX}short`, 'pk_test_nothing']) {
        const res = await as(token)('GET', '/api/v1/assistants');
        expect(res.status).toBe(401);
        expect(JSON.stringify(res.body)).not.toContain(token);
      }
    });

    it('limits each key to its own rate: the role default, or the one set on the key (429 with Retry-After)', async () => {
      const key = await createKey({ name: 'slow', role: 'viewer', rateLimitPerMinute: 3 });
      expect(key.rateLimitPerMinute).toBe(3);
      const api = as(key.secret);
      for (let i = 0; i < 3; i++) expect((await api('GET', '/api/v1/assistants/types')).status).toBe(200);
      const limited = await api('GET', '/api/v1/assistants/types');
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
      // Another key is not slowed down by this one.
      expect((await as(keys.viewer!.secret)('GET', '/api/v1/assistants/types')).status).toBe(200);
      expect((await admin('GET', `/api/v1/api-keys/${keys.service!.id}`)).body.rateLimitPerMinute).toBe(6000);
    });
  });

  describe('permission matrix (generated from the OpenAPI document)', () => {
    it('every operation declares a permission and has a fixture here', async () => {
      const operations = await documentedOperations(platform.baseUrl);
      expect(operations.length).toBeGreaterThan(30);
      expect(operations.filter((o) => !o.permission).map((o) => o.id)).toEqual([]);
      expect(operations.filter((o) => !FIXTURES[o.id]).map((o) => o.id)).toEqual([]);
    });

    it('every role gets the success status where its role grants the permission and 403 naming it elsewhere', async () => {
      const operations = await documentedOperations(platform.baseUrl);
      const setup = new Setup(admin);
      const mismatches: string[] = [];
      for (const op of operations) {
        for (const role of ROLES) {
          const call = await FIXTURES[op.id](setup);
          const res = await as(keys[role]!.secret)(op.method, `/api/v1${call.path}`, { body: call.body });
          const expected = allows(role, op.permission!) ? op.success : 403;
          if (res.status !== expected) {
            mismatches.push(`${role} ${op.id}: ${res.status} (expected ${expected}) ${JSON.stringify(res.body)}`);
          } else if (expected === 403 && res.body.permission !== op.permission) {
            mismatches.push(`${role} ${op.id}: 403 without naming ${op.permission}`);
          }
        }
      }
      expect(mismatches).toEqual([]);
    }, 240_000);

    it("an owner's viewer and editor get 404 for every operation on another owner's resource", async () => {
      const teamA = await createKey({ name: 'team a editor', role: 'editor', ownerId: 'team-a' });
      const teamAViewer = await createKey({ name: 'team a viewer', role: 'viewer', ownerId: 'team-a' });
      const teamB = await createKey({ name: 'team b editor', role: 'editor', ownerId: 'team-b' });
      const setup = new Setup(as(teamB.secret), admin);
      const operations = (await documentedOperations(platform.baseUrl)).filter((o) => o.scoped);
      expect(operations.length).toBeGreaterThan(15);
      const mismatches: string[] = [];
      for (const op of operations) {
        for (const [name, key, role] of [
          ['editor', teamA, 'editor'],
          ['viewer', teamAViewer, 'viewer'],
        ] as const) {
          const call = await FIXTURES[op.id](setup);
          const res = await as(key.secret)(op.method, `/api/v1${call.path}`, { body: call.body });
          const expected = allows(role, op.permission!) ? 404 : 403;
          if (res.status !== expected) mismatches.push(`${name} ${op.id}: ${res.status} (expected ${expected})`);
        }
      }
      expect(mismatches).toEqual([]);
    }, 240_000);
  });

  describe('owners', () => {
    it('gives what a key creates to its owner; lists and search of an owner show only its own', async () => {
      const a = await createKey({ name: 'owner a', role: 'editor', ownerId: 'acme' });
      const b = await createKey({ name: 'owner b', role: 'editor', ownerId: 'globex' });
      const viewerA = await createKey({ name: 'owner a viewer', role: 'viewer', ownerId: 'acme' });
      const mine = (await as(a.secret)('POST', '/api/v1/assistants', { body: { name: 'Acme Helper' } })).body;
      const theirs = (await as(b.secret)('POST', '/api/v1/assistants', { body: { name: 'Globex Helper' } })).body;
      const prompt = (await as(a.secret)('POST', '/api/v1/prompts', { body: { name: 'Acme prompt', template: 'x' } }))
        .body;
      expect(mine.ownerId).toBe('acme');
      expect(theirs.ownerId).toBe('globex');
      expect(prompt.ownerId).toBe('acme');

      const ids = async (api: Api, path: string) => (await api('GET', path)).body.data.map((x: any) => x.id);
      for (const api of [as(a.secret), as(viewerA.secret)]) {
        expect(await ids(api, '/api/v1/assistants?limit=100')).toEqual([mine.id]);
        expect(await ids(api, '/api/v1/assistants/search?q=helper')).toEqual([mine.id]);
        expect(await ids(api, '/api/v1/prompts?limit=100')).toEqual([prompt.id]);
        expect((await api('GET', `/api/v1/assistants/${theirs.id}`)).status).toBe(404);
      }
      // Conversations belong to their assistant's owner; another owner's assistant cannot be talked to.
      await as(b.secret)('PUT', `/api/v1/assistants/${theirs.id}`, { body: { status: 'active' } });
      const talk = await as(b.secret)('POST', '/api/v1/conversations', { body: { assistantId: theirs.id } });
      expect(talk.status).toBe(201);
      expect(talk.body.ownerId).toBe('globex');
      const denied = await as(a.secret)('POST', '/api/v1/conversations', { body: { assistantId: theirs.id } });
      expect(denied.status).toBe(422);
      expect(await ids(as(a.secret), '/api/v1/conversations?limit=100')).toEqual([]);
      expect(await ids(as(a.secret), '/api/v1/conversations/active?limit=100')).toEqual([]);
      expect(await ids(as(b.secret), '/api/v1/conversations?limit=100')).toEqual([talk.body.id]);
      // Another owner's conversation does not exist for this caller: not its context, its history, nor a message
      // (even once the conversations service has served its owner's appends and remembers the conversation).
      const said = { body: { role: 'user', content: 'hello' } };
      expect((await as(b.secret)('POST', `/api/v1/conversations/${talk.body.id}/messages`, said)).status).toBe(201);
      for (const api of [as(a.secret), as(viewerA.secret)]) {
        expect((await api('GET', `/api/v1/conversations/${talk.body.id}`)).status).toBe(404);
        expect((await api('GET', `/api/v1/conversations/${talk.body.id}/messages`)).status).toBe(404);
      }
      expect((await as(a.secret)('POST', `/api/v1/conversations/${talk.body.id}/messages`, said)).status).toBe(404);
      const history = await as(b.secret)('GET', `/api/v1/conversations/${talk.body.id}/messages`);
      expect([history.status, history.body.data.length]).toEqual([200, 1]);
      // An operator sees every owner's.
      const all = await ids(as(keys.operator!.secret), '/api/v1/assistants?limit=100');
      expect(all).toEqual(expect.arrayContaining([mine.id, theirs.id]));
      expect(await ids(as(keys.operator!.secret), '/api/v1/conversations?limit=100')).toContain(talk.body.id);
      // Linking another owner's prompt: that prompt does not exist for this caller.
      const link = await as(b.secret)('POST', `/api/v1/assistants/${theirs.id}/prompts`, {
        body: { promptId: prompt.id, role: 'primary' },
      });
      expect(link.status).toBe(404);
    });
  });

  describe('audit trail', () => {
    it('lists who changed what and when, filtered by actor, resource, action and time', async () => {
      const editor = await createKey({ name: 'auditable', role: 'editor', ownerId: 'acme' });
      const api = as(editor.secret);
      const before = new Date().toISOString();
      const created = (await api('POST', '/api/v1/assistants', { body: { name: 'Audited' } })).body;
      await api('PUT', `/api/v1/assistants/${created.id}`, {
        body: { description: 'changed' },
        headers: { 'x-correlation-id': 'audit-corr-1' },
      });

      const entries = await waitFor(async () => {
        const res = await admin('GET', `/api/v1/audit?resource=${created.id}`);
        return res.body.data?.length === 2 ? res.body.data : undefined;
      }, 'the two changes in the audit trail');
      expect(entries.map((e: any) => e.action)).toEqual(['AssistantUpdated', 'AssistantCreated']);
      for (const e of entries) {
        expect(e).toMatchObject({
          actorId: editor.id,
          actorOwnerId: 'acme',
          actorRole: 'editor',
          resource: created.id,
        });
        expect(e.resourceType).toBe('assistant');
      }
      expect(entries[0].correlationId).toBe('audit-corr-1');

      const byActor = await admin('GET', `/api/v1/audit?actorId=${editor.id}&action=AssistantCreated&from=${before}`);
      expect(byActor.body.data.map((e: any) => e.resource)).toEqual([created.id]);
      const later = await admin(
        'GET',
        `/api/v1/audit?actorId=${editor.id}&from=${new Date(Date.now() + 60_000).toISOString()}`,
      );
      expect(later.body.data).toEqual([]);

      // Key management is audited too, by the admin.
      const keyEntries = await waitFor(async () => {
        const res = await as(keys.operator!.secret)('GET', `/api/v1/audit?resource=${editor.id}`);
        return res.body.data?.length ? res.body.data : undefined;
      }, 'the key creation in the audit trail');
      expect(keyEntries[0]).toMatchObject({ action: 'ApiKeyCreated', actorId: 'admin' });

      // Reading the trail is no change: it adds nothing to it.
      const count = async () =>
        (await admin('GET', '/api/v1/audit?limit=100&action=AssistantCreated')).body.data.length;
      const n = await count();
      await count();
      expect(await count()).toBe(n);
    });
  });

  describe('secrets', () => {
    it('appear in no log line, stored event, later answer or error message', async () => {
      const key = await createKey({ name: 'scanned', role: 'editor', ownerId: 'acme' });
      const api = as(key.secret);
      await api('POST', '/api/v1/assistants', { body: { name: 'Scanned' } });
      await api('GET', '/api/v1/assistants/00000000-0000-7000-8000-000000000000');
      await api('POST', '/api/v1/assistants', { body: { name: 42 } });
      await as(`${key.secret}x`)('GET', '/api/v1/assistants');
      await admin('DELETE', `/api/v1/api-keys/${key.id}`);
      await waitFor(async () => (await api('GET', '/api/v1/assistants')).status === 401, 'revocation');
      const answers = [
        await admin('GET', '/api/v1/api-keys?limit=100'),
        await admin('GET', `/api/v1/api-keys/${key.id}`),
        await admin('GET', `/api/v1/audit?limit=100`),
        await api('GET', '/api/v1/assistants'),
      ];
      const secrets = [...Object.values(keys).map((k) => k!.secret), key.secret];
      const pg = new Client({ connectionString: platform.databaseUrl });
      await pg.connect();
      try {
        const schemas = await pg.query<{ nspname: string }>(
          `SELECT nspname FROM pg_namespace WHERE nspname NOT LIKE 'pg_%' AND nspname <> 'information_schema'`,
        );
        for (const { nspname } of schemas.rows) {
          const tables = await pg.query<{ relname: string }>(
            `SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE n.nspname = $1 AND c.relkind = 'r'`,
            [nspname],
          );
          for (const { relname } of tables.rows) {
            const { rows } = await pg.query(`SELECT t::text AS row FROM "${nspname}"."${relname}" t`);
            const text = rows.map((r) => r.row).join('\n');
            for (const secret of secrets)
              expect(`${nspname}.${relname}: ${text.includes(secret)}`).toBe(`${nspname}.${relname}: false`);
          }
        }
      } finally {
        await pg.end();
      }
      const events = JSON.stringify(await platform.busEvents());
      const logs = platform.output();
      for (const secret of secrets) {
        expect(events.includes(secret)).toBe(false);
        expect(logs.includes(secret)).toBe(false);
        for (const a of answers) expect(JSON.stringify(a.body).includes(secret)).toBe(false);
      }
    });
  });
});
