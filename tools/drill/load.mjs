// The drill's clients: closed loops of writes and reads through every gateway (assistants, prompts, conversations
// and their messages), every answer recorded with its time, so each failover's window can be told apart; plus a
// poller of every gateway's /ready and a live-events (SSE) reader that reconnects as the dashboard does.

const API = '/api/v1';
const REQUEST_TIMEOUT_MS = 20_000;

export function createLoad({ gateways, token, workersPerGateway = 3, thinkMs = 25 }) {
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const samples = []; // { t, ms, gateway, op, status } (status: HTTP code or the network error's code)
  const acked = { assistants: [], prompts: [], conversations: new Map() }; // conversation id → acked message ids
  let running = false;
  let activeAssistant;

  async function call(gateway, method, path, body, op = `${method} ${path.split('/')[3]}`) {
    const t0 = Date.now();
    let status;
    let json;
    try {
      const res = await fetch(gateway.url() + API + path, {
        method,
        headers,
        body: body && JSON.stringify(body),
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
      status = res.status;
      json = await res.json().catch(() => undefined);
    } catch (err) {
      status = err.cause?.code ?? err.name ?? 'error';
    }
    samples.push({ t: t0, ms: Date.now() - t0, gateway: gateway.name, op, status });
    return { status, body: json };
  }

  async function setUp() {
    const created = await call(gateways[0], 'POST', '/assistants', { name: 'Drill assistant' });
    if (created.status !== 201) throw new Error(`could not create the drill's assistant: ${created.status}`);
    const active = await call(gateways[0], 'PUT', `/assistants/${created.body.id}`, { status: 'active' });
    if (active.status !== 200) throw new Error(`could not activate the drill's assistant: ${active.status}`);
    activeAssistant = created.body.id;
    acked.assistants.push(activeAssistant);
  }

  async function worker(gateway, w) {
    const mine = []; // conversations this worker started (messages to one conversation stay in order)
    for (let i = 0; running; i++) {
      const n = `${gateway.name}-${w}-${i}`;
      switch (i % 8) {
        case 0: {
          const r = await call(gateway, 'POST', '/assistants', { name: `Drill ${n}` });
          if (r.status === 201) acked.assistants.push(r.body.id);
          break;
        }
        case 1: {
          const r = await call(gateway, 'POST', '/prompts', {
            name: `drill ${n}`,
            template: `Answer {{topic}} (${n})`,
          });
          if (r.status === 201) acked.prompts.push(r.body.id);
          break;
        }
        case 2: {
          const r = await call(gateway, 'POST', '/conversations', { assistantId: activeAssistant, title: n });
          if (r.status === 201) {
            mine.push(r.body.id);
            acked.conversations.set(r.body.id, []);
          }
          break;
        }
        case 3:
        case 4:
        case 6: {
          const id = mine[mine.length - 1];
          if (!id) break;
          const r = await call(gateway, 'POST', `/conversations/${id}/messages`, {
            role: 'user',
            content: `Message ${n}`,
          });
          if (r.status === 201) acked.conversations.get(id).push(r.body.id);
          break;
        }
        case 5: {
          const ids = acked.assistants;
          if (ids.length) await call(gateway, 'GET', `/assistants/${ids[(i * 7919) % ids.length]}`);
          break;
        }
        default: {
          const id = mine[mine.length - 1];
          if (id) await call(gateway, 'GET', `/conversations/${id}/messages?limit=20`);
        }
      }
      if (thinkMs) await new Promise((r) => setTimeout(r, thinkMs));
    }
  }

  let loops = [];
  return {
    samples,
    acked,
    call,
    async start() {
      await setUp();
      running = true;
      loops = gateways.flatMap((g) => Array.from({ length: workersPerGateway }, (_, w) => worker(g, w)));
    },
    async stop() {
      running = false;
      await Promise.all(loops);
    },
  };
}

/** Polls every gateway's /ready; `redUntil(from, to)` says when, after `from`, all of them were last not ready. */
export function readyWatch(gateways, everyMs = 250) {
  const reds = []; // times at which some gateway's /ready was not 200
  let timer;
  const poll = async () => {
    const t = Date.now();
    const ok = await Promise.all(
      gateways.map((g) =>
        fetch(`${g.url()}/ready`, { signal: AbortSignal.timeout(2000) }).then(
          (r) => (r.body?.cancel(), r.status === 200),
          () => false,
        ),
      ),
    );
    if (ok.some((x) => !x)) reds.push(t);
    timer = setTimeout(poll, everyMs);
  };
  void poll();
  return {
    /** Seconds from `from` until /ready was green on every gateway for good (0: it never went red). */
    greenAfter(from, to) {
      const inside = reds.filter((t) => t >= from && t <= to);
      return inside.length ? (inside[inside.length - 1] + everyMs - from) / 1000 : 0;
    },
    stop: () => clearTimeout(timer),
  };
}

/** An EventSource-like reader of the live events stream: reconnects with Last-Event-ID after any failure. */
export function liveReader(gateway, token) {
  const seen = []; // data payloads (strings) of the events received
  let lastId;
  let reconnects = 0;
  let stopped = false;
  let controller;
  const loop = async () => {
    while (!stopped) {
      controller = new AbortController();
      try {
        const res = await fetch(`${gateway.url()}${API}/events/stream`, {
          headers: { authorization: `Bearer ${token}`, ...(lastId ? { 'last-event-id': lastId } : {}) },
          signal: controller.signal,
        });
        if (res.status !== 200) throw new Error(String(res.status));
        const decoder = new TextDecoder();
        let buffer = '';
        for await (const chunk of res.body) {
          buffer += decoder.decode(chunk, { stream: true });
          let end;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            for (const line of block.split('\n')) {
              if (line.startsWith('id:')) lastId = line.slice(3).trim();
              if (line.startsWith('data:')) seen.push(line.slice(5));
            }
          }
        }
      } catch {
        // the gateway went away or refused: reconnect, as a browser's EventSource does
      }
      if (stopped) break;
      reconnects += 1;
      await new Promise((r) => setTimeout(r, 1000));
    }
  };
  void loop();
  return {
    get reconnects() {
      return reconnects;
    },
    has: (text) => seen.some((d) => d.includes(text)),
    stop() {
      stopped = true;
      controller?.abort();
    },
  };
}
