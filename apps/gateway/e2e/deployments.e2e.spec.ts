/* eslint-disable @typescript-eslint/no-explicit-any */
import { startIsolatedPlatform, waitFor, type IsolatedPlatform } from '@platform/testing';
import { client } from './http-client';

const API = '/api/v1';

describe('deployments over HTTP through the gateway', () => {
  let platform: IsolatedPlatform;
  let api: ReturnType<typeof client>;

  beforeAll(async () => {
    platform = await startIsolatedPlatform('e2e_deployments', { RPC_TIMEOUT_MS: '2000' });
    api = client(platform.baseUrl, platform.token, { contracts: true });
  });
  afterAll(() => platform?.dispose());

  const ok = async (method: string, path: string, body?: unknown, status = 201) => {
    const res = await api(method, `${API}${path}`, { body });
    expect([res.status, res.body]).toEqual([status, expect.anything()]);
    return res.body;
  };
  const assistant = async (extra: object = {}, activate = true) => {
    const a = await ok('POST', '/assistants', {
      name: `Deployable ${Math.random()}`,
      persona: { tone: 'warm', personality: 'patient' },
      ...extra,
    });
    return activate ? ok('PUT', `/assistants/${a.id}`, { status: 'active' }, 200) : a;
  };
  const deploy = (id: string, body: object) => api('POST', `${API}/assistants/${id}/deploy`, { body });
  const promote = (id: string, fromEnvironment: string, toEnvironment: string) =>
    api('POST', `${API}/assistants/${id}/promote`, { body: { fromEnvironment, toEnvironment } });
  const status = async (id: string) =>
    (await ok('GET', `/assistants/${id}/deployment-status`, undefined, 200)).environments;
  const history = async (id: string, query = '') =>
    (await ok('GET', `/assistants/${id}/deployments${query}`, undefined, 200)).data as any[];

  it('lists the four environments in pipeline order with what each requires', async () => {
    const { data } = await ok('GET', '/assistants/environments', undefined, 200);
    expect(data.map((e: any) => [e.name, e.previous, e.next])).toEqual([
      ['development', null, 'testing'],
      ['testing', 'development', 'staging'],
      ['staging', 'testing', 'production'],
      ['production', 'staging', null],
    ]);
    expect(data[3].requires.map((r: any) => r.check)).toEqual([
      'assistant-active',
      'configuration',
      'system-prompt',
      'previous-stage',
    ]);
    expect(data[0].requires.map((r: any) => r.check)).not.toContain('previous-stage');
  });

  it('deploys to development and promotes through production; production keeps its snapshot when the assistant changes; rolls back', async () => {
    const prompt = await ok('POST', '/prompts', {
      name: `Greeting ${Math.random()}`,
      template: 'Always greet kindly.',
    });
    const a = await assistant();
    await ok('POST', `/assistants/${a.id}/prompts`, { promptId: prompt.id, role: 'primary' });
    const v = (await ok('GET', `/assistants/${a.id}`, undefined, 200)).version;

    const dev = await deploy(a.id, { environment: 'development', notes: 'first cut' });
    expect(dev.status).toBe(201);
    expect(dev.headers.get('location')).toBe(`${API}/assistants/${a.id}/deployments?environment=development`);
    expect(dev.body).toMatchObject({
      assistantId: a.id,
      environment: 'development',
      kind: 'deploy',
      status: 'active',
      assistantVersion: v,
      resources: { replicas: 1, cpu: '250m', memory: '256Mi' },
      previousDeploymentId: null,
      notes: 'first cut',
      createdBy: 'admin',
    });
    expect(dev.body.snapshot).toMatchObject({
      assistantVersion: v,
      persona: { tone: 'warm' },
      configuration: { model: 'gpt-4o-mini' },
      prompts: [{ promptId: prompt.id, role: 'primary', version: 1 }],
    });
    expect(dev.body.snapshot.systemPrompt.text).toContain('Always greet kindly.');

    let from = dev.body;
    for (const [source, target] of [
      ['development', 'testing'],
      ['testing', 'staging'],
      ['staging', 'production'],
    ]) {
      const res = await promote(a.id, source, target);
      expect([res.status, res.body.status, res.body.kind]).toEqual([201, 'active', 'promotion']);
      expect(res.body.promotedFromDeploymentId).toBe(from.id);
      expect(res.body.snapshot).toEqual(from.snapshot);
      from = res.body;
    }
    const production = from;
    expect(production.resources).toEqual({ replicas: 3, cpu: '1', memory: '1Gi' });

    // The assistant and its prompt change; production still runs what staging checked.
    await ok('PUT', `/assistants/${a.id}`, { persona: { tone: 'curt' }, configuration: { model: 'gpt-4o' } }, 200);
    await ok('PUT', `/prompts/${prompt.id}`, { template: 'Never greet.' }, 200);
    const prod = (await status(a.id)).production;
    expect(prod).toMatchObject({ id: production.id, status: 'active', assistantVersion: v });
    const [running] = await history(a.id, '?environment=production');
    expect(running.snapshot.systemPrompt.text).toContain('Always greet kindly.');
    expect(running.snapshot.configuration.model).toBe('gpt-4o-mini');

    // A promotion never skips a stage, and production needs the same version in staging.
    expect((await promote(a.id, 'development', 'staging')).status).toBe(422);
    const direct = await deploy(a.id, { environment: 'production' });
    expect(direct.status).toBe(422);
    expect(direct.body.checks.map((c: any) => c.check)).toEqual(['previous-stage']);

    // Redeploy development with the change, then roll it back to exactly what ran before.
    const second = await deploy(a.id, { environment: 'development' });
    expect(second.body).toMatchObject({ status: 'active', previousDeploymentId: dev.body.id });
    expect(second.body.snapshot.systemPrompt.text).toContain('Never greet.');
    // One reading: the prompt versions frozen are the ones the frozen system prompt was composed from, and both are
    // the assistant's at the version recorded.
    const composed = await ok('POST', `/assistants/${a.id}/system-prompt`, { variables: {} }, 200);
    expect(second.body.snapshot.prompts).toMatchObject([{ promptId: prompt.id, version: 2 }]);
    expect(composed.parts.find((p: any) => p.promptId === prompt.id)?.version).toBe(2);
    expect(second.body.snapshot.systemPrompt.text).toBe(composed.text);
    expect(second.body.assistantVersion).toBe((await ok('GET', `/assistants/${a.id}`, undefined, 200)).version);
    const devHistory = await history(a.id, '?environment=development');
    expect(devHistory.map((d) => [d.id, d.status])).toEqual([
      [second.body.id, 'active'],
      [dev.body.id, 'superseded'],
    ]);
    const back = await api('POST', `${API}/assistants/${a.id}/rollback`, { body: { environment: 'development' } });
    expect(back.status).toBe(201);
    expect(back.body).toMatchObject({
      kind: 'rollback',
      status: 'active',
      rolledBackDeploymentId: second.body.id,
      assistantVersion: v,
    });
    expect(back.body.snapshot).toEqual(dev.body.snapshot);
    expect((await history(a.id, '?environment=development')).map((d) => d.status)).toEqual([
      'active',
      'rolled_back',
      'superseded',
    ]);
    // Rolling back again goes to the deployment the rollback replaced, unless one is named.
    const named = await api('POST', `${API}/assistants/${a.id}/rollback`, {
      body: { environment: 'development', toDeploymentId: dev.body.id },
    });
    expect(named.status).toBe(201);
    expect(named.body.snapshot).toEqual(dev.body.snapshot);

    // Everything newest first, paged.
    const page = await ok('GET', `/assistants/${a.id}/deployments?limit=2`, undefined, 200);
    expect(page.data).toHaveLength(2);
    const rest = await ok('GET', `/assistants/${a.id}/deployments?limit=100&cursor=${page.nextCursor}`, undefined, 200);
    expect(page.data.length + rest.data.length).toBe(7); // the refused direct deploy to production stored nothing
  });

  it('refuses a rollback with nothing to roll back to (409)', async () => {
    const a = await assistant();
    expect((await api('POST', `${API}/assistants/${a.id}/rollback`, { body: { environment: 'staging' } })).status).toBe(
      409,
    );
    await deploy(a.id, { environment: 'development' });
    const only = await api('POST', `${API}/assistants/${a.id}/rollback`, { body: { environment: 'development' } });
    expect(only.status).toBe(409);
  });

  it('scales the active deployment, refusing where none is active (409) and values out of range (400)', async () => {
    const a = await assistant();
    const none = await api('POST', `${API}/assistants/${a.id}/scale`, {
      body: { environment: 'testing', replicas: 2 },
    });
    expect(none.status).toBe(409);
    const d = (await deploy(a.id, { environment: 'development', resources: { replicas: 2 } })).body;
    expect(d.resources).toEqual({ replicas: 2, cpu: '250m', memory: '256Mi' });
    const scaled = await api('POST', `${API}/assistants/${a.id}/scale`, {
      body: { environment: 'development', replicas: 5, memory: '1Gi' },
    });
    expect(scaled.status).toBe(200);
    expect(scaled.body).toMatchObject({ id: d.id, resources: { replicas: 5, cpu: '250m', memory: '1Gi' }, version: 2 });
    expect((await status(a.id)).development.resources).toEqual({ replicas: 5, cpu: '250m', memory: '1Gi' });
    // A redeploy keeps the environment's scale.
    expect((await deploy(a.id, { environment: 'development' })).body.resources.replicas).toBe(5);
    for (const body of [
      { environment: 'development', replicas: 0 },
      { environment: 'development', replicas: 101 },
      { environment: 'development', cpu: 'lots' },
      { environment: 'development', memory: '512MB' },
      { environment: 'development' },
    ]) {
      const res = await api('POST', `${API}/assistants/${a.id}/scale`, { body });
      expect([JSON.stringify(body), res.status]).toEqual([JSON.stringify(body), 400]);
    }
  });

  it('manual deployments wait for the orchestrator; a failed report leaves the previous one in service', async () => {
    const a = await assistant();
    const first = (await deploy(a.id, { environment: 'development' })).body;
    const manual = await deploy(a.id, { environment: 'development', manual: true });
    expect([manual.status, manual.body.status, manual.body.previousDeploymentId]).toEqual([201, 'pending', first.id]);
    expect((await status(a.id)).development).toMatchObject({ id: first.id, status: 'active' });
    // Nothing else may start in that environment meanwhile.
    const busy = await deploy(a.id, { environment: 'development' });
    expect(busy.status).toBe(409);

    const report = (id: string, body: object) => api('PUT', `${API}/assistants/deployments/${id}/status`, { body });
    expect((await report(manual.body.id, { status: 'active' })).status).toBe(409); // pending → active skips deploying
    expect((await report(manual.body.id, { status: 'deploying' })).body.status).toBe('deploying');
    const failed = await report(manual.body.id, { status: 'failed', reason: 'image pull backoff' });
    expect(failed.status).toBe(200);
    expect(failed.body.statusHistory.map((h: any) => [h.status, h.reason])).toEqual([
      ['pending', null],
      ['deploying', null],
      ['failed', 'image pull backoff'],
    ]);
    expect((await status(a.id)).development).toMatchObject({ id: first.id, status: 'active' });
    expect((await report(manual.body.id, { status: 'deploying' })).status).toBe(409);

    // The next manual deployment goes through: it supersedes the first once active, and can later be retired.
    const next = (await deploy(a.id, { environment: 'development', manual: true })).body;
    await report(next.id, { status: 'deploying' });
    const active = await report(next.id, { status: 'active' });
    expect(active.body.status).toBe('active');
    expect((await history(a.id)).find((d) => d.id === first.id).status).toBe('superseded');
    expect((await status(a.id)).development).toMatchObject({ id: next.id, status: 'active' });
    expect((await report(next.id, { status: 'retired' })).body.status).toBe('retired');
    expect((await status(a.id)).development).toBeNull();
    expect((await report('0190a000-0000-7000-8000-0000000000ff', { status: 'deploying' })).status).toBe(404);
  });

  it('lists every failed readiness check and stores nothing', async () => {
    const prompt = await ok('POST', '/prompts', {
      name: `Needs a name ${Math.random()}`,
      template: 'Hello {{customer}}',
      variables: [{ name: 'customer', required: true }],
    });
    const a = await assistant({ configuration: { maxTokens: 9000, contextWindowTokens: 8192, topP: 0 } }, false);
    await ok('POST', `/assistants/${a.id}/prompts`, { promptId: prompt.id, role: 'primary' });
    const res = await deploy(a.id, { environment: 'production' });
    expect(res.status).toBe(422);
    expect(res.body.checks.map((c: any) => c.check)).toEqual([
      'assistant-active',
      'configuration',
      'configuration',
      'system-prompt',
      'previous-stage',
    ]);
    expect(res.body.checks.find((c: any) => c.check === 'system-prompt').message).toContain('customer');
    expect(res.body.errors).toHaveLength(5);
    expect(await history(a.id)).toEqual([]);
    expect(Object.values(await status(a.id))).toEqual([null, null, null, null]);
  });

  it('refuses bad input with 400 naming each field, and unknown assistants with 404', async () => {
    const a = await assistant();
    const bad = await deploy(a.id, {
      environment: 'moon',
      resources: { replicas: 0, cpu: '5 cores', memory: 'lots' },
      extra: true,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: any) => e.field).sort()).toEqual([
      'environment',
      'extra',
      'resources.cpu',
      'resources.memory',
      'resources.replicas',
    ]);
    expect((await deploy('not-a-uuid', { environment: 'development' })).status).toBe(400);
    const unknown = '0190a000-0000-7000-8000-0000000000ff';
    expect((await deploy(unknown, { environment: 'development' })).status).toBe(404);
    expect((await api('GET', `${API}/assistants/${unknown}/deployment-status`)).status).toBe(404);
    expect((await api('GET', `${API}/assistants/${unknown}/deployments`)).status).toBe(404);
    expect(
      (await api('POST', `${API}/assistants/${a.id}/promote`, { body: { fromEnvironment: 'development' } })).status,
    ).toBe(400);
    expect((await promote(a.id, 'production', 'development')).status).toBe(422);
    expect((await promote(a.id, 'development', 'testing')).status).toBe(409); // nothing active in development
  });

  it('stores nothing when the assistants service is slow (504) or absent (503); rollbacks still work', async () => {
    const a = await assistant();
    await deploy(a.id, { environment: 'development' });
    await deploy(a.id, { environment: 'development' });
    const before = await history(a.id);
    const assistants = platform.processes.get('assistants')!;
    assistants.kill('SIGSTOP'); // subscribed but silent
    try {
      expect((await deploy(a.id, { environment: 'development' })).status).toBe(504);
    } finally {
      assistants.kill('SIGCONT');
    }
    await platform.stop('assistants');
    try {
      expect((await deploy(a.id, { environment: 'development' })).status).toBe(503);
      expect((await promote(a.id, 'development', 'testing')).status).toBe(503);
      expect(await history(a.id)).toEqual(before);
      // A rollback needs only the environment's own deployments.
      const back = await api('POST', `${API}/assistants/${a.id}/rollback`, { body: { environment: 'development' } });
      expect([back.status, back.body.kind]).toEqual([201, 'rollback']);
    } finally {
      await platform.start('assistants');
    }
    await waitFor(async () => (await fetch(`${platform.baseUrl}/ready`)).status === 200, 'the platform ready again');
  });

  it('retires the active deployments of an archived assistant', async () => {
    const a = await assistant();
    await deploy(a.id, { environment: 'development' });
    await promote(a.id, 'development', 'testing');
    const archived = await api('DELETE', `${API}/assistants/${a.id}`);
    expect(archived.status).toBeLessThan(300);
    await waitFor(
      async () => Object.values(await status(a.id)).every((e) => e === null),
      'the deployments retired',
      10_000,
    );
    expect((await history(a.id)).map((d) => d.status)).toEqual(['retired', 'retired']);
  });
});
