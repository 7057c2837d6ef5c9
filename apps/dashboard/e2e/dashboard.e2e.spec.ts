import { startIsolatedPlatform, waitFor, type IsolatedPlatform } from '@platform/testing';
import type { Browser, Page } from 'playwright-core';
import { launch, screenshots, seriousViolations } from './browser';

// The dashboard in Debian's Chromium against the whole platform (every service a process, real PostgreSQL and
// NATS), as an operator uses it: sign in, create and activate an assistant, link a prompt, watch a conversation
// live, compare the fleet's figures with the API, survive a gateway restart.

jest.setTimeout(180_000);

describe('ops dashboard', () => {
  let platform: IsolatedPlatform;
  let browser: Browser;
  let page: Page;
  let assistantId: string;
  let conversationId: string;

  const api = async <T = Record<string, unknown>>(method: string, path: string, body?: unknown, base = platform.baseUrl) => {
    const res = await fetch(`${base}/api/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${platform.token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    if (!res.ok) throw new Error(`${method} ${path} answered ${res.status}: ${await res.text()}`);
    return (res.status === 204 ? undefined : await res.json()) as T;
  };
  const all = async <T>(path: string): Promise<T[]> => {
    const items: T[] = [];
    let cursor: string | null = null;
    do {
      const sep = path.includes('?') ? '&' : '?';
      const page: { data: T[]; nextCursor: string | null } = await api('GET', `${path}${sep}limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      items.push(...page.data);
      cursor = page.nextCursor;
    } while (cursor);
    return items;
  };
  const text = (testId: string) => page.getByTestId(testId).first().innerText();
  const checkView = async (name: string) => {
    expect(await seriousViolations(page)).toEqual([]);
    await screenshots(page, name);
  };

  beforeAll(async () => {
    platform = await startIsolatedPlatform('e2e_dashboard');
    browser = await launch();
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await platform?.dispose();
  });

  it('asks a signed-out visitor to sign in, then shows the view the link named', async () => {
    await page.goto(`${platform.baseUrl}/assistants`);
    await page.getByTestId('sign-in-token').waitFor();
    await checkView('sign-in');
    await page.getByTestId('sign-in-token').fill('not-a-valid-token-at-all');
    await page.getByTestId('sign-in-submit').click();
    await page.getByText('This token is not valid.').waitFor();
    await page.getByTestId('sign-in-token').fill(platform.token);
    await page.getByTestId('sign-in-submit').click();
    await page.getByRole('heading', { name: 'Assistants' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/assistants');
    expect(page.url()).not.toContain(platform.token);
    expect(await page.evaluate(() => Object.keys(localStorage).length)).toBe(0);
    await page.getByTestId('live-status').and(page.locator('[data-connected="true"]')).waitFor();
  });

  it('creates an assistant in the dialog, showing a field error at its field, and activates it', async () => {
    await page.getByTestId('assistant-create').click();
    await page.getByTestId('field-name').fill('Dashboard Bot');
    await page.getByTestId('field-slug').fill('Not A Slug!');
    await page.getByTestId('dialog-submit').click();
    const slugError = page.getByTestId('field-error-slug');
    await slugError.waitFor();
    expect(await page.getByTestId('field-slug').getAttribute('aria-invalid')).toBe('true');
    await page.getByTestId('field-slug').fill('dashboard-bot');
    await page.getByTestId('dialog-submit').click();
    await page.waitForURL(/\/assistants\/[0-9a-f-]+\/overview$/);
    assistantId = new URL(page.url()).pathname.split('/')[2];
    await checkView('assistant-overview');
    await page.getByTestId('assistant-activate').click();
    await waitFor(async () => (await text('assistant-status')) === 'active', 'the status shown as active', 5000);
    expect((await api<{ status: string }>('GET', `/assistants/${assistantId}`)).status).toBe('active');
    await page.goto(`${platform.baseUrl}/assistants`);
    await page.getByTestId('assistant-row').first().waitFor();
    await checkView('assistants');
  });

  it('explains a conflicting edit (412) and saves after a reload', async () => {
    await page.goto(`${platform.baseUrl}/assistants/${assistantId}/overview`);
    await page.getByTestId('assistant-edit').click();
    await page.locator('#f-description').fill('Written in the dialog');
    await api('PUT', `/assistants/${assistantId}`, { tags: ['changed-meanwhile'] });
    await page.getByTestId('dialog-submit').click();
    await page.getByTestId('conflict-message').waitFor();
    await page.getByTestId('conflict-reload').click();
    // The reload has read the current version once the message is gone: only then does a save carry it.
    await page.getByTestId('conflict-message').waitFor({ state: 'detached' });
    await page.getByTestId('dialog-submit').click();
    await waitFor(
      async () => (await api<{ description: string | null }>('GET', `/assistants/${assistantId}`)).description === 'Written in the dialog',
      'the edit saved after the reload',
      5000,
    );
  });

  it('is served from the gateway at each view URL, with nothing from elsewhere, and the API untouched', async () => {
    for (const path of ['/', '/assistants', `/assistants/${assistantId}/prompts`, '/conversations/x']) {
      const res = await fetch(`${platform.baseUrl}${path}`);
      expect([path, res.status, res.headers.get('content-type')]).toEqual([path, 200, 'text/html; charset=utf-8']);
      const html = await res.text();
      expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
    }
    expect((await fetch(`${platform.baseUrl}/nothing-here`)).status).toBe(404);
    expect((await fetch(`${platform.baseUrl}/health`)).status).toBe(200);
    expect((await fetch(`${platform.baseUrl}/api/v1/assistants`)).status).toBe(401);
  });

  it('links a prompt and recomputes the composed prompt and its token count as a variable is typed', async () => {
    const prompt = await api<{ id: string }>('POST', '/prompts', { name: 'Greeting', template: 'Greet {{user}} warmly and offer help.' });
    await page.goto(`${platform.baseUrl}/assistants/${assistantId}/prompts`);
    await page.locator(`[data-testid="link-prompt"] option[value="${prompt.id}"]`).waitFor({ state: 'attached' });
    await page.getByTestId('link-prompt').selectOption(prompt.id);
    await page.getByTestId('link-submit').click();
    await page.getByTestId('prompt-link').waitFor();
    await page.getByTestId('composed-prompt').waitFor();
    const before = Number(await text('composed-token-count'));
    await page.getByTestId('variable-user').fill('Ada Lovelace, Countess of Lovelace');
    await waitFor(async () => (await text('composed-prompt')).includes('Greet Ada Lovelace, Countess of Lovelace warmly'), 'the composed prompt with the variable', 5000);
    await waitFor(async () => Number(await text('composed-token-count')) > before, 'a larger token count', 5000);
    const composed = await api<{ tokenCount: number }>('POST', `/assistants/${assistantId}/system-prompt`, { variables: { user: 'Ada Lovelace, Countess of Lovelace' } });
    expect(Number(await text('composed-token-count'))).toBe(composed.tokenCount);
    await checkView('assistant-prompts');
  });

  it('shows the messages of an open conversation live, each within 2 seconds', async () => {
    await page.goto(`${platform.baseUrl}/assistants/${assistantId}/conversations`);
    await page.getByTestId('live-status').and(page.locator('[data-connected="true"]')).waitFor();
    const started = await api<{ id: string }>('POST', '/conversations', { assistantId, userId: 'ada', title: 'Live one', contextVariables: { user: 'Ada' } });
    conversationId = started.id;
    await page.locator(`[data-testid="conversation-row"][data-id="${conversationId}"]`).waitFor({ timeout: 2000 });
    await page.goto(`${platform.baseUrl}/conversations/${conversationId}`);
    await page.getByTestId('live-status').and(page.locator('[data-connected="true"]')).waitFor();
    const messages = page.getByTestId('conversation-message');
    for (const [i, content] of ['Hello there', 'How can I help?', 'Tell me about NATS'].entries()) {
      const sent = Date.now();
      await api('POST', `/conversations/${conversationId}/messages`, { role: i % 2 ? 'assistant' : 'user', content });
      await messages.nth(i).waitFor({ timeout: 2000 });
      expect(Date.now() - sent).toBeLessThan(2000);
      expect(await messages.nth(i).innerText()).toContain(content);
    }
    await checkView('conversation');
    await page.goto(`${platform.baseUrl}/assistants/${assistantId}/conversations`);
    await page.getByTestId('conversation-message').first().waitFor();
    await checkView('assistant-conversations');
  });

  it("shows the fleet's counts as the API answers them", async () => {
    await api('POST', '/assistants', { name: 'Second Bot', type: 'support' });
    const archived = await api<{ id: string }>('POST', '/assistants', { name: 'Old Bot' });
    await api('DELETE', `/assistants/${archived.id}`);
    await page.goto(`${platform.baseUrl}/`);
    await page.getByTestId('fleet-assistant-count').waitFor();
    const assistants = await all<{ status: string }>('/assistants');
    const conversations = await all<{ startedAt: string; messageCount: number }>('/conversations');
    const midnight = new Date();
    midnight.setUTCHours(0, 0, 0, 0);
    const today = conversations.filter((c) => Date.parse(c.startedAt) >= midnight.getTime());
    const expected = {
      'fleet-assistant-count': assistants.filter((a) => a.status !== 'archived').length,
      'fleet-conversation-count': today.length,
      'fleet-message-count': today.reduce((n, c) => n + c.messageCount, 0),
    };
    expect(expected['fleet-assistant-count']).toBe(2);
    expect(expected['fleet-message-count']).toBe(3);
    for (const [id, value] of Object.entries(expected)) {
      await waitFor(async () => Number(await text(id)) === value, `${id} = ${value}`, 5000);
    }
    expect(Number(await text('fleet-status-archived'))).toBe(1);
    await checkView('fleet');
  });

  it("shows the assistant's health grade and the fleet's average as analytics computes them, live", async () => {
    type Health = { score: number | null; grade: string | null; reason: string | null; components: unknown[] };
    type Summary = { health: { averageScore: number | null } };
    // Conversations with timed replies and ratings: enough assistant messages (10) for a health score.
    let rated = '';
    for (let c = 0; c < 3; c++) {
      const conv = await api<{ id: string }>('POST', '/conversations', { assistantId, userId: `rater-${c}`, title: `Rated ${c}`, contextVariables: { user: `Rater ${c}` } });
      rated = conv.id;
      for (let i = 0; i < 4; i++) {
        await api('POST', `/conversations/${conv.id}/messages`, { role: 'user', content: `Question ${i}` });
        const reply = await api<{ id: string }>('POST', `/conversations/${conv.id}/messages`, {
          role: 'assistant',
          content: `Answer ${i}`,
          responseTimeMs: 150 * (i + 1),
        });
        await api('POST', `/conversations/${conv.id}/messages/${reply.id}/feedback`, { rating: 4 + (i % 2) });
      }
    }
    // Analytics is eventually consistent: wait for it to have applied everything on the bus, not a fixed time.
    await waitFor(
      async () =>
        (await api<{ events: number }>('GET', '/analytics/lag')).events === 0 &&
        (await api<{ messages: { byRole: { assistant: number } } }>('GET', `/assistants/${assistantId}/metrics`)).messages.byRole.assistant >= 13,
      'analytics caught up with the replies',
      30_000,
    );
    const health = await api<Health>('GET', `/assistants/${assistantId}/health`);
    expect(health.score).not.toBeNull();

    await page.goto(`${platform.baseUrl}/assistants/${assistantId}/analytics`);
    await page.getByTestId('health-components').waitFor();
    await waitFor(
      async () => {
        const now = await api<Health>('GET', `/assistants/${assistantId}/health`);
        return (await text('assistant-grade')) === now.grade && Number(await text('assistant-health-score')) === now.score;
      },
      'the grade and score the API answers',
      10_000,
    );
    expect(await page.locator('[data-testid^="health-component-"]').count()).toBe(health.components.length);
    await page.getByTestId('latency-p95').waitFor();
    expect(await text('latency-p95')).toMatch(/\d+ ms/);
    await page.getByTestId('usage-hour').click();
    await page.locator('[data-testid="usage-chart"][data-granularity="hour"]').waitFor();
    await page.getByTestId('compare-choice').first().check();
    await page.getByTestId('compare-submit').click();
    await waitFor(async () => (await page.getByTestId('comparison-row').count()) === 2, 'two assistants compared', 5000);
    await checkView('assistant-analytics');

    await page.goto(`${platform.baseUrl}/`);
    await page.getByTestId('fleet-average-health').waitFor();
    await waitFor(
      async () => {
        const { health: fleet } = await api<Summary>('GET', '/assistants/summary');
        return fleet.averageScore !== null && Number(await text('fleet-average-health')) === fleet.averageScore;
      },
      "the summary's average health",
      10_000,
    );
    await page.getByTestId('fleet-lag').waitFor();
    expect(await page.getByTestId('fleet-top-assistant').count()).toBeGreaterThan(0);
    // Numbers move as events arrive, without a reload.
    const before = Number(await text('fleet-message-count'));
    await api('POST', `/conversations/${rated}/messages`, { role: 'user', content: 'One more' });
    await waitFor(async () => Number(await text('fleet-message-count')) === before + 1, 'the message count moved', 10_000);
    await checkView('fleet-health');
  });

  it('deploys to development and promotes to testing in dialogs, lists failed readiness checks, and follows the events live', async () => {
    const prompt = await api<{ id: string }>('POST', '/prompts', { name: 'House rules', template: 'Answer briefly and kindly.' });
    const bot = await api<{ id: string }>('POST', '/assistants', { name: 'Deploy Bot', persona: { tone: 'calm' } });
    await api('POST', `/assistants/${bot.id}/prompts`, { promptId: prompt.id, role: 'primary' });
    const { version } = await api<{ version: number }>('PUT', `/assistants/${bot.id}`, { status: 'active' });
    const status = (env: string) => page.getByTestId(`deployment-status-${env}`);
    const dialog = page.getByTestId('deployment-dialog');

    await page.goto(`${platform.baseUrl}/assistants/${bot.id}/deployments`);
    await page.getByTestId('live-status').and(page.locator('[data-connected="true"]')).waitFor();
    await status('production').waitFor();
    const pipeline = await page.locator('.pipeline > li h3').evaluateAll((hs) => hs.map((h) => h.textContent));
    const { data: environments } = await api<{ data: { name: string }[] }>('GET', '/assistants/environments');
    expect(pipeline).toEqual(environments.map((e) => e.name));
    expect(await status('development').innerText()).toContain('Nothing deployed');

    // Deploy to development, then promote what runs there to testing.
    await page.getByTestId('deploy-development').click();
    expect(await page.getByTestId('field-environment').inputValue()).toBe('development');
    await page.getByTestId('dialog-submit').click();
    await dialog.waitFor({ state: 'detached' });
    await page.locator('[data-testid="deployment-status-development"][data-status="active"]').waitFor({ timeout: 5000 });
    expect(await status('development').innerText()).toContain(`v${version}`);
    await page.getByTestId('promote-development').click();
    expect(await page.getByTestId('field-toEnvironment').inputValue()).toBe('testing');
    await page.getByTestId('dialog-submit').click();
    await dialog.waitFor({ state: 'detached' });
    await page.locator('[data-testid="deployment-status-testing"][data-status="active"]').waitFor({ timeout: 5000 });
    const running = await api<{ environments: Record<string, { id: string; status: string; assistantVersion: number } | null> }>(
      'GET',
      `/assistants/${bot.id}/deployment-status`,
    );
    for (const env of ['development', 'testing']) {
      expect(running.environments[env]).toMatchObject({ status: 'active', assistantVersion: version });
      expect(await status(env).getAttribute('data-deployment-id')).toBe(running.environments[env]!.id);
      expect(await status(env).innerText()).toMatch(/active[\s\S]*replicas/i);
    }
    expect(running.environments.production).toBeNull();

    // Production skipping staging: the readiness check that failed is listed in the dialog, nothing deployed.
    await page.getByTestId('deploy-production').click();
    await page.getByTestId('dialog-submit').click();
    const checks = page.getByTestId('readiness-check');
    await checks.first().waitFor();
    expect(await checks.evaluateAll((li) => li.map((l) => l.getAttribute('data-check')))).toEqual(['previous-stage']);
    expect(await checks.first().innerText()).toContain('staging');
    expect(await seriousViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await status('production').getAttribute('data-status')).toBe('none');

    // A promotion that skips a stage: the error at its field.
    await page.getByTestId('promote-testing').click();
    await page.getByTestId('field-toEnvironment').selectOption('production');
    await page.getByTestId('dialog-submit').click();
    await page.getByTestId('field-error-toEnvironment').waitFor();
    expect(await page.getByTestId('field-toEnvironment').getAttribute('aria-invalid')).toBe('true');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });

    // Changes made elsewhere appear live: a promotion to staging and a scale through the API.
    await api('POST', `/assistants/${bot.id}/promote`, { fromEnvironment: 'testing', toEnvironment: 'staging' });
    await page.locator('[data-testid="deployment-status-staging"][data-status="active"]').waitFor({ timeout: 5000 });
    await api('POST', `/assistants/${bot.id}/scale`, { environment: 'development', replicas: 4 });
    await waitFor(async () => /Replicas\s*4/.test(await status('development').innerText()), 'development scaled to 4 replicas', 5000);
    const rows = page.getByTestId('deployment-row');
    await waitFor(async () => (await rows.count()) === 3, 'three deployments in the history', 5000);
    expect(await rows.first().innerText()).toContain('staging');
    expect(await rows.first().locator('.status-history li').first().innerText()).toContain('active');
    await checkView('assistant-deployments');
  });

  it('catches up with what happened while the gateway was down', async () => {
    await page.goto(`${platform.baseUrl}/conversations/${conversationId}`);
    const messages = page.getByTestId('conversation-message');
    await messages.nth(2).waitFor();
    await page.getByTestId('live-status').and(page.locator('[data-connected="true"]')).waitFor();
    const other = await platform.startGateway();
    try {
      await platform.stop('gateway');
      await page.getByTestId('live-status').and(page.locator('[data-connected="false"]')).waitFor({ timeout: 10_000 });
      // Through a second gateway, while the dashboard's own is down.
      await api('POST', `/conversations/${conversationId}/messages`, { role: 'assistant', content: 'Sent while you were away' }, other.baseUrl);
      await platform.start('gateway');
      await page.getByTestId('live-status').and(page.locator('[data-connected="true"]')).waitFor({ timeout: 30_000 });
      await messages.nth(3).waitFor({ timeout: 5000 });
      expect(await messages.nth(3).innerText()).toContain('Sent while you were away');
      expect(await messages.count()).toBe(4);
    } finally {
      await other.stop();
    }
  });

  it('forgets the token on sign-out', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByTestId('sign-in-token').waitFor();
    expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
    await page.reload();
    await page.getByTestId('sign-in-token').waitFor();
  });
});
