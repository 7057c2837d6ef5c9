import { startIsolatedPlatform, waitFor, type IsolatedPlatform } from '@platform/testing';

// GET /api/v1/events/stream: the domain events as server-sent events, ids = stream sequences. It is not in the
// OpenAPI document (an event stream, not an operation of the bus), so its access is checked here.

interface Received {
  event: string;
  id?: string;
  data: Record<string, unknown>;
}

/** Reads the stream until `until` says enough (or the deadline); returns the messages and the raw text. */
async function readStream(
  baseUrl: string,
  token: string | undefined,
  until: (messages: Received[]) => boolean,
  headers: Record<string, string> = {},
  timeoutMs = 10_000,
): Promise<{ status: number; messages: Received[] }> {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), timeoutMs);
  const res = await fetch(`${baseUrl}/api/v1/events/stream`, {
    headers: { accept: 'text/event-stream', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    signal: abort.signal,
  });
  const messages: Received[] = [];
  if (res.status !== 200 || !res.body) {
    clearTimeout(timer);
    return { status: res.status, messages };
  }
  let buffer = '';
  try {
    for await (const chunk of res.body.pipeThrough(new TextDecoderStream())) {
      buffer += chunk;
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const fields = Object.fromEntries(
          block
            .split('\n')
            .filter((l) => !l.startsWith(':') && l.includes(':'))
            .map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 1).trim()]),
        );
        if (fields.event) messages.push({ event: fields.event, id: fields.id, data: JSON.parse(fields.data ?? '{}') });
      }
      if (until(messages)) break;
    }
  } catch (err) {
    if (!abort.signal.aborted) throw err;
  } finally {
    clearTimeout(timer);
    abort.abort();
  }
  return { status: 200, messages };
}

describe('live events stream', () => {
  let platform: IsolatedPlatform;
  const call = async <T = { id: string }>(method: string, path: string, body?: unknown, token = platform.token) => {
    const res = await fetch(`${platform.baseUrl}/api/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };

  /**
   * Waits until the bus holds at least `count` events of each stream: the relay publishes a moment after the commit
   * (it gathers commits for RELAY_LINGER_MS), so a position taken right after a write may still precede it.
   */
  const onBus = (streams: Record<string, number>) =>
    waitFor(
      async () => {
        const events = await platform.busEvents();
        return Object.entries(streams).every(([id, n]) => events.filter((e) => e.streamId === id).length >= n);
      },
      `${Object.keys(streams).join(', ')} on the bus`,
    );

  beforeAll(async () => {
    platform = await startIsolatedPlatform('e2e_live_events');
  }, 120_000);
  afterAll(() => platform?.dispose());

  it('needs a token', async () => {
    const res = await fetch(`${platform.baseUrl}/api/v1/events/stream`);
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
  });

  it('resumes after Last-Event-ID with no event missed or repeated', async () => {
    const first = await readStream(platform.baseUrl, platform.token, (m) => m.some((x) => x.event === 'ready'));
    const start = Number(first.messages[0].id);
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) ids.push((await call('POST', '/assistants', { name: `Live ${i}` })).id);
    const domain = (m: Received[]) => m.filter((x) => x.event === 'domain');
    const all = await readStream(platform.baseUrl, platform.token, (m) => domain(m).length >= 4, {
      'last-event-id': String(start),
    });
    expect(domain(all.messages).map((m) => m.data.streamId)).toEqual(ids.map((id) => `assistant-${id}`));
    const sequences = domain(all.messages).map((m) => Number(m.id));
    const resumed = await readStream(platform.baseUrl, platform.token, (m) => domain(m).length >= 2, {
      'last-event-id': String(sequences[1]),
    });
    expect(domain(resumed.messages).map((m) => Number(m.id))).toEqual(sequences.slice(2));
  });

  it("shows an owner-scoped key only its owner's events", async () => {
    const key = await call<{ secret: string }>('POST', '/api-keys', {
      name: 'team a',
      role: 'editor',
      ownerId: 'team-a',
    });
    const { messages } = await readStream(platform.baseUrl, key.secret, (m) => m.some((x) => x.event === 'ready'));
    const after = messages[0].id!;
    const theirs = await call('POST', '/assistants', { name: 'Admin owned' });
    await call('PUT', `/assistants/${theirs.id}`, { description: 'changed by the admin' });
    const ours = await call('POST', '/assistants', { name: 'Team owned' }, key.secret);
    await call('PUT', `/assistants/${ours.id}`, { description: 'changed by the admin' });
    const seen = await readStream(
      platform.baseUrl,
      key.secret,
      (m) => m.filter((x) => x.event === 'domain').length >= 2,
      { 'last-event-id': after },
    );
    const streams = seen.messages.filter((m) => m.event === 'domain').map((m) => m.data.streamId);
    expect(streams).toEqual([`assistant-${ours.id}`, `assistant-${ours.id}`]);
    expect(JSON.stringify(seen.messages)).not.toContain(theirs.id);
  });

  it('asks the owning service when an event does not say whose it is, and drops what the key may not read', async () => {
    const key = await call<{ secret: string }>('POST', '/api-keys', {
      name: 'team b',
      role: 'viewer',
      ownerId: 'team-b',
    });
    const editor = await call<{ secret: string }>('POST', '/api-keys', {
      name: 'team b editor',
      role: 'editor',
      ownerId: 'team-b',
    });
    const ours = await call('POST', '/assistants', { name: 'Team B owned' }, editor.secret);
    const theirs = await call('POST', '/assistants', { name: 'Not team B' });
    await onBus({ [`assistant-${ours.id}`]: 1, [`assistant-${theirs.id}`]: 1 });
    // Connected after both were created: the updates below do not name an owner, and the admin made them.
    const { messages } = await readStream(platform.baseUrl, key.secret, (m) => m.some((x) => x.event === 'ready'));
    await call('PUT', `/assistants/${theirs.id}`, { description: 'admin change' });
    await call('PUT', `/assistants/${ours.id}`, { description: 'admin change' });
    const seen = await readStream(platform.baseUrl, key.secret, (m) => m.some((x) => x.event === 'domain'), {
      'last-event-id': messages[0].id!,
    });
    const domain = seen.messages.filter((m) => m.event === 'domain');
    expect(domain.map((m) => [m.data.streamId, m.data.type])).toEqual([[`assistant-${ours.id}`, 'AssistantUpdated']]);
  });

  it("shows an owner-scoped key the deployment events of its owner's assistants only, asking the deployments service when an event names no owner", async () => {
    const viewer = await call<{ secret: string }>('POST', '/api-keys', {
      name: 'team c',
      role: 'viewer',
      ownerId: 'team-c',
    });
    const editor = await call<{ secret: string }>('POST', '/api-keys', {
      name: 'team c editor',
      role: 'editor',
      ownerId: 'team-c',
    });
    const ours = await call('POST', '/assistants', { name: 'Team C deployable' }, editor.secret);
    await call('PUT', `/assistants/${ours.id}`, { status: 'active' }, editor.secret);
    const theirs = await call('POST', '/assistants', { name: 'Not team C' });
    await call('PUT', `/assistants/${theirs.id}`, { status: 'active' });
    await onBus({ [`assistant-${ours.id}`]: 2, [`assistant-${theirs.id}`]: 2 });
    const position = async () =>
      (await readStream(platform.baseUrl, viewer.secret, (m) => m.some((x) => x.event === 'ready'))).messages[0].id!;
    const domain = (m: Received[]) => m.filter((x) => x.event === 'domain').map((x) => [x.data.streamId, x.data.type]);

    const beforeDeploys = await position();
    const theirDeployment = await call('POST', `/assistants/${theirs.id}/deploy`, { environment: 'development' });
    const ourDeployment = await call('POST', `/assistants/${ours.id}/deploy`, { environment: 'development' });
    // Resumed after our deployment's start reached the stream (the relay publishes after the commit, so a position
    // taken now could precede it): the scale events name no owner, and the admin made them.
    const started = await readStream(
      platform.baseUrl,
      viewer.secret,
      (m) => m.some((x) => x.event === 'domain' && x.data.streamId === `deployment-${ourDeployment.id}`),
      { 'last-event-id': beforeDeploys },
    );
    const beforeScales = started.messages.filter((x) => x.event === 'domain').at(-1)!.id!;
    await call('POST', `/assistants/${theirs.id}/scale`, { environment: 'development', replicas: 2 });
    await call('POST', `/assistants/${ours.id}/scale`, { environment: 'development', replicas: 2 });

    const all = await readStream(platform.baseUrl, viewer.secret, (m) => domain(m).length >= 2, {
      'last-event-id': beforeDeploys,
    });
    expect(domain(all.messages)).toEqual([
      [`deployment-${ourDeployment.id}`, 'DeploymentStarted'],
      [`deployment-${ourDeployment.id}`, 'DeploymentScaled'],
    ]);
    const asked = await readStream(platform.baseUrl, viewer.secret, (m) => domain(m).length >= 1, {
      'last-event-id': beforeScales,
    });
    expect(domain(asked.messages)).toEqual([[`deployment-${ourDeployment.id}`, 'DeploymentScaled']]);
    expect(JSON.stringify([all.messages, asked.messages])).not.toContain(theirDeployment.id);
  });

  it('sends the stream position first, so a client that saw no event yet can resume from there', async () => {
    const { messages } = await readStream(platform.baseUrl, platform.token, (m) => m.length > 0);
    expect(messages[0]).toMatchObject({ event: 'ready', id: String(messages[0].data.sequence) });
    expect(Number(messages[0].id)).toBeGreaterThan(0);
  });
});
