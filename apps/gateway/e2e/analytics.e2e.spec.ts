/* eslint-disable @typescript-eslint/no-explicit-any */
import { startIsolatedPlatform, waitFor, type IsolatedPlatform } from '@platform/testing';
import { connect } from 'nats';
import { client } from './http-client';

type Api = ReturnType<typeof client>;

describe('analytics: metrics, usage, compare, health and summary from the event stream', () => {
  let platform: IsolatedPlatform;
  let admin: Api;

  const ok = async (method: string, path: string, body?: unknown, status?: number) => {
    const res = await admin(method, `/api/v1${path}`, { body });
    if (status ? res.status !== status : res.status < 200 || res.status >= 300)
      throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };

  /** Waits until analytics has applied everything on the bus and `ready` holds, instead of sleeping. */
  const caughtUp = (what: string, ready: () => Promise<boolean>) =>
    waitFor(
      async () => (await ok('GET', '/analytics/lag', undefined, 200)).events === 0 && (await ready()),
      what,
      20_000,
    );

  /** An active assistant with `conversations` conversations of `replies` answered user messages each. */
  async function busyAssistant(name: string, conversations: number, replies: number, rating: number) {
    const a = await ok('POST', '/assistants', { name });
    await ok('PUT', `/assistants/${a.id}`, { status: 'active' }, 200);
    for (let c = 0; c < conversations; c++) {
      const conv = await ok('POST', '/conversations', { assistantId: a.id });
      for (let i = 0; i < replies; i++) {
        await ok('POST', `/conversations/${conv.id}/messages`, { role: 'user', content: `Question ${i}` });
        const m = await ok('POST', `/conversations/${conv.id}/messages`, {
          role: 'assistant',
          content: `Answer ${i}`,
          responseTimeMs: 100 * (i + 1),
        });
        if (i === 0) await ok('POST', `/conversations/${conv.id}/messages/${m.id}/feedback`, { rating });
      }
      if (c === 0) await ok('POST', `/conversations/${conv.id}/end`, {});
    }
    return a;
  }

  let fast: any;
  let slow: any;

  beforeAll(async () => {
    platform = await startIsolatedPlatform('e2e_analytics', { ANALYTICS_ALERT_INTERVAL_MS: '300' });
    admin = client(platform.baseUrl, platform.token, { contracts: true });
    fast = await busyAssistant('Analysed fast', 3, 4, 5);
    slow = await busyAssistant('Analysed slow', 1, 2, 2);
    await caughtUp('both assistants counted', async () => {
      const m = await ok('GET', `/assistants/${fast.id}/metrics`, undefined, 200).catch(() => null);
      return m?.messages.total === 24;
    });
  }, 120_000);
  afterAll(() => platform?.dispose());

  it('metrics: conversations, messages by role, tokens, response-time percentiles, satisfaction, trends', async () => {
    const m = await ok('GET', `/assistants/${fast.id}/metrics`, undefined, 200);
    expect(m.conversations).toEqual({ started: 3, ended: 1, timedOut: 0, active: 2 });
    expect(m.messages).toEqual({ total: 24, byRole: { user: 12, assistant: 12, system: 0, tool: 0 } });
    expect(m.tokens.total).toBe(m.tokens.input + m.tokens.output);
    expect(m.tokens.total).toBeGreaterThan(0);
    expect(m.responseTimeMs.avg).toBe(250);
    expect(m.responseTimeMs.p50).toBeGreaterThanOrEqual(190);
    expect(m.responseTimeMs.p99).toBeLessThanOrEqual(410);
    expect(m.satisfaction).toEqual({ average: 5, count: 3 });
    expect(m.errorRate).toBe(0);
    expect(m.deployments).toEqual({ total: 0, failed: 0, rollbacks: 0, promotions: 0 });
    expect(m.trends.messages).toEqual({ direction: 'up', changePercent: null });
  });

  it('the service runs its projection consumer as defined: two batches pulled at a time, one pull unacknowledged', async () => {
    const nc = await connect({ servers: platform.natsUrl, name: 'analytics-e2e' });
    try {
      const jsm = await nc.jetstreamManager();
      // The run's event stream: the one that takes the subjects of its domain events.
      const stream = await jsm.streams.find(`${platform.busPrefix}.events.assistant.AssistantCreated`);
      const info = await jsm.consumers.info(stream, 'analytics-projections');
      expect(info.config.max_ack_pending).toBe(1_000);
    } finally {
      await nc.close();
    }
  });

  it('usage: buckets in order, empty ones as zeros; more than 1,000 buckets is a 400', async () => {
    const to = new Date(Date.now() + 3_600_000).toISOString();
    const from = new Date(Date.now() - 5 * 3_600_000).toISOString();
    const u = await ok('GET', `/assistants/${fast.id}/usage?granularity=hour&from=${from}&to=${to}`, undefined, 200);
    expect(u.data.length).toBeGreaterThanOrEqual(6);
    const starts = u.data.map((b: any) => Date.parse(b.bucketStart));
    expect([...starts].sort((a, b) => a - b)).toEqual(starts);
    expect(u.data.reduce((n: number, b: any) => n + b.messages, 0)).toBe(24);
    expect(u.data.filter((b: any) => b.messages === 0).length).toBeGreaterThan(0);
    const tooMany = await admin(
      'GET',
      `/api/v1/assistants/${fast.id}/usage?granularity=hour&from=2020-01-01T00:00:00Z`,
    );
    expect(tooMany.status).toBe(400);
  });

  it('health: a score and grade with components, or no score with a reason when data is thin', async () => {
    const h = await ok('GET', `/assistants/${fast.id}/health`, undefined, 200);
    expect(h.score).toBeGreaterThanOrEqual(90);
    expect(h.grade).toBe('A');
    expect(h.components.map((c: any) => c.name)).toEqual(
      expect.arrayContaining(['latency', 'errorRate', 'satisfaction']),
    );
    const thin = await ok('GET', `/assistants/${slow.id}/health`, undefined, 200);
    expect(thin).toMatchObject({ score: null, grade: null });
    expect(thin.reason).toContain('2 assistant message(s)');
  });

  it('compare: metrics, health and rank of each, and the best per metric', async () => {
    const c = await ok('POST', '/assistants/compare', { assistantIds: [slow.id, fast.id] }, 200);
    expect(c.data.map((d: any) => [d.assistantId, d.rank])).toEqual([
      [slow.id, 2],
      [fast.id, 1],
    ]);
    expect(c.best).toMatchObject({ health: fast.id, messages: fast.id, satisfaction: fast.id, responseTime: slow.id });
    const one = await admin('POST', '/api/v1/assistants/compare', { body: { assistantIds: [fast.id] } });
    expect(one.status).toBe(400);
  });

  it("summary: across the caller's assistants; an owner's key sees only its own", async () => {
    const s = await ok('GET', '/assistants/summary', undefined, 200);
    expect(s.assistants.total).toBe(2);
    expect(s.assistants.byStatus).toEqual({ active: 2 });
    expect(s.messages.total).toBe(24 + 4);
    expect(s.health.grades).toMatchObject({ A: 1, ungraded: 1 });
    expect(s.topAssistants[0]).toMatchObject({ assistantId: fast.id, name: 'Analysed fast' });

    const key = await ok('POST', '/api-keys', { name: 'other team', role: 'viewer', ownerId: 'someone-else' });
    const viewer = client(platform.baseUrl, key.secret, { contracts: true });
    const theirs = await viewer('GET', '/api/v1/assistants/summary');
    expect(theirs.status).toBe(200);
    expect(theirs.body.assistants.total).toBe(0);
    expect((await viewer('GET', `/api/v1/assistants/${fast.id}/metrics`)).status).toBe(404);
    const compare = await viewer('POST', '/api/v1/assistants/compare', { body: { assistantIds: [slow.id, fast.id] } });
    expect(compare.status).toBe(422);
  });

  it('alerts open as events on the bus when a component crosses its threshold, and show in health', async () => {
    const bad = await busyAssistant('Analysed unhappy', 1, 10, 1);
    await caughtUp('the unhappy assistant counted', async () => {
      const h = await ok('GET', `/assistants/${bad.id}/health`, undefined, 200).catch(() => null);
      return h?.alerts.some((a: any) => a.metric === 'satisfaction') ?? false;
    });
    const opened = await waitFor(
      async () =>
        (await platform.busEvents()).find((e) => e.type === 'AlertOpened' && (e.data as any).assistantId === bad.id),
      'AlertOpened on the bus',
      20_000,
    );
    expect(opened.streamId).toBe(`alert-${bad.id}`);
    expect(opened.data).toMatchObject({ metric: 'satisfaction', severity: 'critical', value: 1 });
    const h = await ok('GET', `/assistants/${bad.id}/health`, undefined, 200);
    expect(h.alerts.find((a: any) => a.metric === 'satisfaction').since).toBe((opened.data as any).openedAt);
    const s = await ok('GET', '/assistants/summary', undefined, 200);
    expect(s.openAlerts.map((a: any) => a.assistantId)).toContain(bad.id);
  });

  // Last: its assistant would change the summary's counts above.
  it('metrics: deployments, promotions, rollbacks and failures driven through the deployments service', async () => {
    const a = await ok('POST', '/assistants', { name: 'Analysed deployable' });
    await ok('PUT', `/assistants/${a.id}`, { status: 'active' }, 200);
    await ok('POST', `/assistants/${a.id}/deploy`, { environment: 'development' }, 201);
    await ok('POST', `/assistants/${a.id}/promote`, { fromEnvironment: 'development', toEnvironment: 'testing' }, 201);
    await ok('POST', `/assistants/${a.id}/deploy`, { environment: 'development', notes: 'again' }, 201);
    await ok('POST', `/assistants/${a.id}/rollback`, { environment: 'development' }, 201);
    const manual = await ok('POST', `/assistants/${a.id}/deploy`, { environment: 'staging', manual: true }, 201);
    await ok('PUT', `/assistants/deployments/${manual.id}/status`, { status: 'failed', reason: 'pods crash' }, 200);
    const expected = { total: 5, failed: 1, rollbacks: 1, promotions: 1 };
    await caughtUp('the deployments counted', async () => {
      const m = await ok('GET', `/assistants/${a.id}/metrics`, undefined, 200).catch(() => null);
      return JSON.stringify(m?.deployments) === JSON.stringify(expected);
    });
    const health = await ok('GET', `/assistants/${a.id}/health`, undefined, 200);
    expect(health.components.map((c: any) => c.name)).toContain('deploymentStability');
  });
});
