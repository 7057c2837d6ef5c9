/* eslint-disable @typescript-eslint/no-explicit-any */
import { startIsolatedPlatform, waitFor, type IsolatedPlatform } from '@platform/testing';
import { client } from './http-client';
import { startLlmPeer, type LlmPeer } from './llm-peer';

const API = '/api/v1';

describe('conversations over HTTP through the gateway, with a model provider', () => {
  let platform: IsolatedPlatform;
  let peer: LlmPeer;
  let api: ReturnType<typeof client>;

  beforeAll(async () => {
    peer = await startLlmPeer();
    platform = await startIsolatedPlatform('e2e_conversations', {
      LLM_BASE_URL: peer.url,
      LLM_API_KEY: 'test-key',
      LLM_TIMEOUT_MS: '1500',
      CONVERSATION_IDLE_TIMEOUT: '6s',
      CONVERSATION_IDLE_SWEEP: '200',
      ASSISTANT_CACHE_MS: '0',
    });
    api = client(platform.baseUrl, platform.token, { contracts: true });
  });
  afterAll(async () => {
    await platform?.dispose();
    await peer?.close();
  });

  const assistant = async (configuration: object = {}, activate = true) => {
    const created = await api('POST', `${API}/assistants`, {
      body: { name: `Helper ${Math.random()}`, persona: { tone: 'warm', personality: 'patient' }, configuration },
    });
    expect(created.status).toBe(201);
    if (!activate) return created.body;
    const active = await api('PUT', `${API}/assistants/${created.body.id}`, { body: { status: 'active' } });
    expect(active.status).toBe(200);
    return active.body;
  };
  const start = async (body: object) => {
    const res = await api('POST', `${API}/conversations`, { body });
    expect([res.status, res.body]).toEqual([201, expect.anything()]);
    return res.body;
  };
  const say = (id: string, body: object) => api('POST', `${API}/conversations/${id}/messages`, { body });

  describe('starting', () => {
    it('starts with an assistant activated a moment ago, with defaults, Location and ETag', async () => {
      const a = await assistant();
      expect((await api('POST', `${API}/assistants/${a.id}/deploy`, { body: { environment: 'staging' } })).status).toBe(
        422, // staging needs the version active in testing first
      );
      for (const environment of ['development', 'testing']) {
        const deployed = await api('POST', `${API}/assistants/${a.id}/deploy`, { body: { environment } });
        expect(deployed.status).toBe(201);
      }
      const promoted = await api('POST', `${API}/assistants/${a.id}/promote`, {
        body: { fromEnvironment: 'testing', toEnvironment: 'staging' },
      });
      expect(promoted.status).toBe(201);
      const res = await api('POST', `${API}/conversations`, {
        body: { assistantId: a.id, title: 'Trip', environment: 'staging', contextVariables: { lang: 'en' } },
      });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        assistantId: a.id,
        userId: 'admin',
        ownerId: a.ownerId,
        title: 'Trip',
        environment: 'staging',
        status: 'active',
        contextVariables: { lang: 'en' },
        messageCount: 0,
        tokenCount: 0,
        endedAt: null,
        version: 1,
      });
      expect(res.headers.get('location')).toBe(`${API}/conversations/${res.body.id}`);
      expect(res.headers.get('etag')).toBe('"1"');
      const got = await api('GET', `${API}/conversations/${res.body.id}`);
      expect(got.body.context).toEqual({
        summary: null,
        messages: [],
        tokenCount: 0,
        budgetTokens: expect.any(Number),
      });
    });

    it('refuses an unknown assistant with 422 naming assistantId, and one not active with 409', async () => {
      const unknown = await api('POST', `${API}/conversations`, {
        body: { assistantId: '0190a000-0000-7000-8000-0000000000ff' },
      });
      expect(unknown.status).toBe(422);
      expect(unknown.body.errors).toEqual([{ field: 'assistantId', message: expect.any(String) }]);
      const draft = await assistant({}, false);
      expect((await api('POST', `${API}/conversations`, { body: { assistantId: draft.id } })).status).toBe(409);
    });

    it('refuses bad input with 400 naming each field', async () => {
      const res = await api('POST', `${API}/conversations`, {
        body: { assistantId: 'nope', environment: 'moon', x: 1 },
      });
      expect(res.status).toBe(400);
      expect(res.body.errors.map((e: any) => e.field).sort()).toEqual(['assistantId', 'environment', 'x']);
    });
  });

  describe('messages, threading and tool calls', () => {
    it('appends messages with seq, token counts and figures, and reads the history both ways with cursors', async () => {
      const a = await assistant();
      const c = await start({ assistantId: a.id, userId: 'u-1' });
      const first = await say(c.id, {
        role: 'user',
        content: 'Hello there, how are you?',
        metadata: { client: 'web' },
      });
      expect(first.status).toBe(201);
      expect(first.body).toMatchObject({ seq: 1, role: 'user', tokenCount: expect.any(Number), compressed: false });
      expect(first.body.tokenCount).toBeGreaterThan(4);
      const reply = await say(c.id, {
        role: 'assistant',
        content: 'Fine, thanks.',
        parentMessageId: first.body.id,
        model: 'gpt-4o',
        responseTimeMs: 120,
      });
      expect(reply.body).toMatchObject({
        seq: 2,
        parentMessageId: first.body.id,
        model: 'gpt-4o',
        responseTimeMs: 120,
      });
      for (let i = 0; i < 3; i++) expect((await say(c.id, { role: 'user', content: `more ${i}` })).status).toBe(201);
      const page1 = await api('GET', `${API}/conversations/${c.id}/messages?limit=2`);
      expect(page1.body.data.map((m: any) => m.seq)).toEqual([1, 2]);
      const page2 = await api('GET', `${API}/conversations/${c.id}/messages?limit=2&cursor=${page1.body.nextCursor}`);
      expect(page2.body.data.map((m: any) => m.seq)).toEqual([3, 4]);
      const desc = await api('GET', `${API}/conversations/${c.id}/messages?order=desc&limit=10`);
      expect(desc.body.data.map((m: any) => m.seq)).toEqual([5, 4, 3, 2, 1]);
      expect(desc.body.nextCursor).toBeNull();
      const got = await api('GET', `${API}/conversations/${c.id}`);
      expect(got.body).toMatchObject({ messageCount: 5, version: 6 });
      expect(got.body.tokenCount).toBe(desc.body.data.reduce((n: number, m: any) => n + m.tokenCount, 0));
    });

    it('refuses a parent from elsewhere, a tool answer to no call, and metadata over 16 KiB', async () => {
      const a = await assistant();
      const c = await start({ assistantId: a.id });
      const parent = await say(c.id, {
        role: 'user',
        content: 'hi',
        parentMessageId: '0190a000-0000-7000-8000-0000000000ff',
      });
      expect([parent.status, parent.body.errors?.[0]?.field]).toEqual([422, 'parentMessageId']);
      const orphan = await say(c.id, { role: 'tool', content: '42', toolCallId: 'call-x' });
      expect([orphan.status, orphan.body.errors?.[0]?.field]).toEqual([422, 'toolCallId']);
      const big = await say(c.id, { role: 'user', content: 'hi', metadata: { blob: 'x'.repeat(17 * 1024) } });
      expect([big.status, big.body.errors?.[0]?.field]).toEqual([400, 'metadata']);
      const wrongRole = await say(c.id, {
        role: 'user',
        content: 'hi',
        toolCalls: [{ id: 'a', name: 'b', arguments: '{}' }],
      });
      expect([wrongRole.status, wrongRole.body.errors?.[0]?.field]).toEqual([400, 'toolCalls']);
      const call = await say(c.id, {
        role: 'assistant',
        content: '',
        toolCalls: [{ id: 'call-1', name: 'weather', arguments: '{"city":"Oslo"}' }],
      });
      expect(call.status).toBe(201);
      const answer = await say(c.id, {
        role: 'tool',
        content: 'sunny',
        toolCallId: 'call-1',
        parentMessageId: call.body.id,
      });
      expect(answer.body).toMatchObject({ role: 'tool', toolCallId: 'call-1', parentMessageId: call.body.id });
      const again = await say(c.id, {
        role: 'assistant',
        content: '',
        toolCalls: [{ id: 'call-1', name: 'x', arguments: '' }],
      });
      expect(again.status).toBe(422);
    });
  });

  describe('context under the token budget', () => {
    it('folds the oldest turns into a model-written summary, keeps the window in budget, and loses nothing', async () => {
      const a = await assistant({ contextWindowTokens: 400, maxTokens: 100 });
      const c = await start({ assistantId: a.id });
      const budget = (await api('GET', `${API}/conversations/${c.id}`)).body.context.budgetTokens;
      expect(budget).toBe(400 - 100 - (await api('GET', `${API}/assistants/${a.id}/system-prompt`)).body.tokenCount);
      const sent: string[] = [];
      for (let i = 0; i < 14; i++) {
        const content = `Turn ${i}: ${'words about the journey '.repeat(4)}`;
        sent.push(content);
        expect((await say(c.id, { role: i % 2 ? 'assistant' : 'user', content })).status).toBe(201);
      }
      const got = (await api('GET', `${API}/conversations/${c.id}`)).body;
      expect(got.context.summary).toMatchObject({ summarizer: 'model', text: expect.stringMatching(/^Model summary/) });
      expect(got.context.tokenCount).toBeLessThanOrEqual(budget);
      expect(got.context.messages.map((m: any) => m.content)).toContain(sent[12]); // the latest user message
      const history = (await api('GET', `${API}/conversations/${c.id}/messages?limit=100`)).body.data;
      expect(history.map((m: any) => m.content)).toEqual(sent);
      expect(history.filter((m: any) => m.compressed).length).toBe(got.context.summary.foldedMessages);
      const published = await waitFor(async () => {
        const events = await platform.busEvents();
        return events.some((e) => e.type === 'ContextCompressed') && events;
      }, 'ContextCompressed on the bus');
      expect(published.find((e) => e.type === 'ContextCompressed')!.data).toMatchObject({
        conversationId: c.id,
        summarizer: 'model',
        tokensAfter: expect.any(Number),
      });
    });

    it('refuses a user message that cannot fit the budget with 422', async () => {
      const a = await assistant({ contextWindowTokens: 300, maxTokens: 100 });
      const c = await start({ assistantId: a.id });
      const res = await say(c.id, { role: 'user', content: 'token '.repeat(400) });
      expect([res.status, res.body.errors?.[0]?.field]).toEqual([422, 'content']);
    });
  });

  describe('context variables, feedback, summary, ending', () => {
    it('merges variables (null removes), rates assistant messages only, summarises, and ends once', async () => {
      const a = await assistant();
      const c = await start({ assistantId: a.id, contextVariables: { a: 1, b: 'x' } });
      const set = await api('PUT', `${API}/conversations/${c.id}/context`, {
        body: { variables: { b: null, c: true } },
      });
      expect([set.status, set.body.contextVariables]).toEqual([200, { a: 1, c: true }]);
      const user = await say(c.id, { role: 'user', content: 'hi' });
      const reply = await say(c.id, { role: 'assistant', content: 'hello', responseTimeMs: 100 });
      const rate = (id: string, body: object) =>
        api('POST', `${API}/conversations/${c.id}/messages/${id}/feedback`, { body });
      expect((await rate(user.body.id, { rating: 4 })).status).toBe(422);
      expect((await rate(reply.body.id, { rating: 6 })).status).toBe(400);
      expect((await rate(reply.body.id, { rating: 2 })).status).toBe(201);
      const again = await rate(reply.body.id, { rating: 5, comment: 'better' });
      expect([again.status, again.body.feedback]).toEqual([
        201,
        { rating: 5, comment: 'better', ratedAt: expect.any(String) },
      ]);
      const summary = await api('GET', `${API}/conversations/${c.id}/summary`);
      expect(summary.body).toMatchObject({
        messageCount: 2,
        byRole: { user: 1, assistant: 1, system: 0, tool: 0 },
        avgResponseTimeMs: 100,
        feedback: { count: 1, average: 5 },
        summary: null,
      });
      const ended = await api('POST', `${API}/conversations/${c.id}/end`, { body: { reason: 'done' } });
      expect(ended.body).toMatchObject({ status: 'ended', endReason: 'done', endedAt: expect.any(String) });
      expect((await api('POST', `${API}/conversations/${c.id}/end`, { body: {} })).status).toBe(409);
      expect((await say(c.id, { role: 'user', content: 'still there?' })).status).toBe(409);
    });

    it('lists conversations by assistant, user and status, and the active ones most recently active first', async () => {
      const a = await assistant();
      const one = await start({ assistantId: a.id, userId: 'lister' });
      const two = await start({ assistantId: a.id, userId: 'lister' });
      await start({ assistantId: a.id, userId: 'other' });
      await say(one.id, { role: 'user', content: 'bump' });
      const active = await api('GET', `${API}/conversations/active?assistantId=${a.id}&userId=lister`);
      expect(active.body.data.map((x: any) => x.id)).toEqual([one.id, two.id]);
      await api('POST', `${API}/conversations/${two.id}/end`, { body: {} });
      const ended = await api('GET', `${API}/conversations?assistantId=${a.id}&status=ended`);
      expect(ended.body.data.map((x: any) => x.id)).toEqual([two.id]);
      const all = await api('GET', `${API}/conversations?assistantId=${a.id}&limit=2`);
      expect(all.body.data).toHaveLength(2);
      const rest = await api('GET', `${API}/conversations?assistantId=${a.id}&limit=2&cursor=${all.body.nextCursor}`);
      expect([rest.body.data.length, rest.body.nextCursor]).toEqual([1, null]);
    });

    it('ends a conversation idle longer than the timeout by itself, with reason timeout', async () => {
      const a = await assistant();
      const c = await start({ assistantId: a.id });
      const ended = await waitFor(
        async () => {
          const got = await api('GET', `${API}/conversations/${c.id}`);
          return got.body.status === 'ended' && got.body;
        },
        'the idle timeout',
        20_000,
      );
      expect(ended.endReason).toBe('timeout');
    });
  });

  describe('model replies', () => {
    it('generates the reply with the persona, the window and the model, and stores its figures', async () => {
      const a = await assistant({ model: 'gpt-4o-mini' });
      const c = await start({ assistantId: a.id });
      const res = await say(c.id, { role: 'user', content: 'What is the capital of Norway?', generate: true });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        role: 'assistant',
        seq: 2,
        content: 'Echo: What is the capital of Norway?',
        model: 'gpt-4o-mini-peer',
        usage: { promptTokens: 42, completionTokens: 7 },
        error: null,
      });
      expect(res.body.responseTimeMs).toBeGreaterThan(0);
      const history = (await api('GET', `${API}/conversations/${c.id}/messages`)).body.data;
      expect(res.body.parentMessageId).toBe(history[0].id);
      const asked = peer.requests.at(-1)!;
      expect(asked.messages[0]).toMatchObject({ role: 'system', content: expect.stringContaining('warm') });
      expect(asked.messages.at(-1)).toEqual({ role: 'user', content: 'What is the capital of Norway?' });
    });

    it("runs a conversation in an environment on its active deployment's snapshot, and refuses one without", async () => {
      const a = await assistant({ model: 'gpt-4o-mini' });
      expect(
        (await api('POST', `${API}/assistants/${a.id}/deploy`, { body: { environment: 'development' } })).status,
      ).toBe(201);
      // The assistant changes after the deployment: development still runs what was deployed.
      const changed = await api('PUT', `${API}/assistants/${a.id}`, {
        body: { persona: { tone: 'curt', personality: 'terse' }, configuration: { model: 'gpt-4o' } },
      });
      expect(changed.status).toBe(200);
      const c = await start({ assistantId: a.id, environment: 'development' });
      expect(c.environment).toBe('development');
      const res = await say(c.id, { role: 'user', content: 'Hello from development', generate: true });
      expect(res.status).toBe(201);
      const asked = peer.requests.at(-1)!;
      expect(asked.model).toBe('gpt-4o-mini');
      expect(asked.messages[0]).toMatchObject({ role: 'system', content: expect.stringContaining('warm') });
      expect(asked.messages[0].content).not.toContain('curt');
      // Without an environment the assistant runs as it is now.
      const plain = await start({ assistantId: a.id });
      await say(plain.id, { role: 'user', content: 'Hello as is', generate: true });
      expect(peer.requests.at(-1)!.model).toBe('gpt-4o');

      const refused = await api('POST', `${API}/conversations`, {
        body: { assistantId: a.id, environment: 'production' },
      });
      expect(refused.status).toBe(409);
      expect(refused.body.detail).toContain('no active deployment in production');
    });

    it('streams the reply as server-sent events, then the stored message', async () => {
      const a = await assistant();
      const c = await start({ assistantId: a.id });
      const res = await fetch(`${platform.baseUrl}${API}/conversations/${c.id}/messages`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${platform.token}`,
          'content-type': 'application/json',
          accept: 'text/event-stream',
        },
        body: JSON.stringify({ role: 'user', content: 'stream me a longer answer please', generate: true }),
      });
      expect(res.status).toBe(201);
      expect(res.headers.get('content-type')).toContain('text/event-stream');
      const events = (await res.text())
        .split('\n\n')
        .filter(Boolean)
        .map((block) => ({
          event: /^event: (.*)$/m.exec(block)![1],
          data: JSON.parse(/^data: (.*)$/m.exec(block)![1]),
        }));
      const deltas = events.filter((e) => e.event === 'delta');
      expect(deltas.length).toBeGreaterThan(2);
      expect(deltas.map((d) => d.data.content).join('')).toBe('Echo: stream me a longer answer please');
      expect(events.at(-1)).toEqual({
        event: 'message',
        data: expect.objectContaining({ role: 'assistant', content: 'Echo: stream me a longer answer please' }),
      });
    });

    it('stores a provider failure as an assistant message with error and answers 502; a timeout 504', async () => {
      const a = await assistant();
      const c = await start({ assistantId: a.id });
      const failed = await say(c.id, { role: 'user', content: 'please [fail]', generate: true });
      expect(failed.status).toBe(502);
      expect(failed.body.messageId).toEqual(expect.any(String));
      const slow = await say(c.id, { role: 'user', content: 'please [slow]', generate: true });
      expect(slow.status).toBe(504);
      const history = (await api('GET', `${API}/conversations/${c.id}/messages`)).body.data;
      expect(history.map((m: any) => [m.role, m.error?.code ?? null])).toEqual([
        ['user', null],
        ['assistant', 'provider_error'],
        ['user', null],
        ['assistant', 'timeout'],
      ]);
      expect(history[1]).toMatchObject({ id: failed.body.messageId, error: { status: 500 } });
    });

    it('takes a tool call from the model', async () => {
      const a = await assistant();
      const c = await start({ assistantId: a.id });
      const res = await say(c.id, { role: 'user', content: 'look it up [tool]', generate: true });
      expect(res.body.toolCalls).toEqual([{ id: 'call_peer_1', name: 'lookup', arguments: '{"q":"x"}' }]);
      const answer = await say(c.id, { role: 'tool', content: 'found', toolCallId: 'call_peer_1' });
      expect(answer.status).toBe(201);
    });
  });
});

describe('conversations without a model provider', () => {
  let platform: IsolatedPlatform;
  let api: ReturnType<typeof client>;

  beforeAll(async () => {
    platform = await startIsolatedPlatform('e2e_conversations_nollm', { LLM_BASE_URL: '' });
    api = client(platform.baseUrl, platform.token, { contracts: true });
  });
  afterAll(() => platform?.dispose());

  it('answers generate: true with 422 saying so, and folds with the extractive summariser', async () => {
    const created = await api('POST', `${API}/assistants`, {
      body: { name: 'Plain', configuration: { contextWindowTokens: 300, maxTokens: 50 } },
    });
    await api('PUT', `${API}/assistants/${created.body.id}`, { body: { status: 'active' } });
    const c = (await api('POST', `${API}/conversations`, { body: { assistantId: created.body.id } })).body;
    const res = await api('POST', `${API}/conversations/${c.id}/messages`, {
      body: { role: 'user', content: 'hi', generate: true },
    });
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([{ field: 'generate', message: expect.stringMatching(/provider/) }]);
    for (let i = 0; i < 12; i++) {
      const content = `Sentence number ${i} is here. And more text follows it for padding the window.`;
      await api('POST', `${API}/conversations/${c.id}/messages`, { body: { role: 'user', content } });
    }
    const got = (await api('GET', `${API}/conversations/${c.id}`)).body;
    expect(got.context.summary).toMatchObject({
      summarizer: 'extractive',
      text: expect.stringContaining('- user: Sentence number 0 is here.'),
    });
    expect(got.context.tokenCount).toBeLessThanOrEqual(got.context.budgetTokens);
    // The window is the history's messages not folded, oldest first; nothing is lost.
    const all = (await api('GET', `${API}/conversations/${c.id}/messages?limit=100`)).body.data;
    expect(all).toHaveLength(12);
    expect(got.context.messages.map((m: any) => m.id)).toEqual(
      all.filter((m: any) => !m.compressed).map((m: any) => m.id),
    );
    expect(all.some((m: any) => m.compressed)).toBe(true);
  });

  it("asks about the assistant with the conversation's variables as they are, whatever this instance saw before", async () => {
    const assistant = (await api('POST', `${API}/assistants`, { body: { name: `Varied ${Math.random()}` } })).body;
    const prompt = (
      await api('POST', `${API}/prompts`, {
        body: { name: `Topic ${Math.random()}`, template: 'Talk about {{topic}}.' },
      })
    ).body;
    await api('POST', `${API}/assistants/${assistant.id}/prompts`, { body: { promptId: prompt.id, role: 'primary' } });
    await api('PUT', `${API}/assistants/${assistant.id}`, { body: { status: 'active' } });
    const c = (
      await api('POST', `${API}/conversations`, {
        body: { assistantId: assistant.id, contextVariables: { topic: 'x' } },
      })
    ).body;
    const budget = async () => (await api('GET', `${API}/conversations/${c.id}`)).body.context.budgetTokens;
    expect(
      (await api('POST', `${API}/conversations/${c.id}/messages`, { body: { role: 'user', content: 'a' } })).status,
    ).toBe(201);
    const before = await budget();
    // A longer topic makes a longer system prompt, so a smaller budget for the conversation.
    const topic = Array.from({ length: 200 }, (_, i) => `word${i}`).join(' ');
    await api('PUT', `${API}/conversations/${c.id}/context`, { body: { variables: { topic } } });
    expect(
      (await api('POST', `${API}/conversations/${c.id}/messages`, { body: { role: 'user', content: 'b' } })).status,
    ).toBe(201);
    expect(await budget()).toBeLessThan(before - 150);
  });

  it('answers a repeated Idempotency-Key with the first message, stored once', async () => {
    const created = await api('POST', `${API}/assistants`, { body: { name: `Once ${Math.random()}` } });
    await api('PUT', `${API}/assistants/${created.body.id}`, { body: { status: 'active' } });
    const c = (await api('POST', `${API}/conversations`, { body: { assistantId: created.body.id } })).body;
    const headers = { 'idempotency-key': `message-${c.id}` };
    const body = { role: 'user', content: 'only once' };
    const answers = await Promise.all(
      [1, 2, 3].map(() => api('POST', `${API}/conversations/${c.id}/messages`, { body, headers })),
    );
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201]);
    expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
    expect(answers[0].body).toMatchObject({ seq: 1, content: 'only once', compressed: false, feedback: null });
    const history = (await api('GET', `${API}/conversations/${c.id}/messages`)).body.data;
    expect(history.map((m: any) => m.id)).toEqual([answers[0].body.id]);
  });
});
