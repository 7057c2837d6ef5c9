import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

// A small OpenAI-compatible chat completions server for tests: a protocol peer of the platform's model provider
// client, streaming included. What it answers depends on the last user message:
//   "[fail]" → 500;  "[slow]" → answers after 3 s;  "[tool]" → a tool call;  otherwise "Echo: <text>" in pieces.
// A request whose system message asks for a summary gets "Model summary of <n> lines".

export interface PeerRequest {
  model: string;
  stream: boolean;
  messages: { role: string; content: string | null; tool_call_id?: string }[];
}

export interface LlmPeer {
  url: string;
  requests: PeerRequest[];
  close(): Promise<void>;
}

const readBody = (req: IncomingMessage) =>
  new Promise<string>((resolve) => {
    let text = '';
    req.on('data', (c) => (text += c));
    req.on('end', () => resolve(text));
  });

export async function startLlmPeer(): Promise<LlmPeer> {
  const requests: PeerRequest[] = [];
  const server: Server = createServer(async (req, res) => {
    if (req.method !== 'POST' || !req.url?.endsWith('/chat/completions')) return json(res, 404, { error: 'no' });
    const body = JSON.parse(await readBody(req)) as PeerRequest;
    requests.push(body);
    const last = [...body.messages].reverse().find((m) => m.role === 'user')?.content ?? '';
    const system = body.messages.find((m) => m.role === 'system')?.content ?? '';
    if (last.includes('[fail]')) return json(res, 500, { error: { message: 'the peer failed on purpose' } });
    if (last.includes('[slow]')) await new Promise((r) => setTimeout(r, 3000));
    if (res.destroyed) return;
    const summary = system.startsWith('Summarise the conversation');
    const text = summary ? `Model summary of ${last.split('\n').length} lines` : `Echo: ${last}`;
    const tool = !summary && last.includes('[tool]');
    const usage = { prompt_tokens: 42, completion_tokens: 7, total_tokens: 49 };
    const base = { id: 'chatcmpl-peer', object: 'chat.completion.chunk', created: 1, model: `${body.model}-peer` };
    if (!body.stream) {
      return json(res, 200, {
        ...base,
        object: 'chat.completion',
        choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', content: text } }],
        usage,
      });
    }
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    const chunk = (delta: object, extra: object = {}) =>
      res.write(
        `data: ${JSON.stringify({ ...base, choices: [{ index: 0, delta, finish_reason: null }], ...extra })}\n\n`,
      );
    if (tool) {
      chunk({
        role: 'assistant',
        tool_calls: [{ index: 0, id: 'call_peer_1', type: 'function', function: { name: 'lookup', arguments: '' } }],
      });
      chunk({ tool_calls: [{ index: 0, function: { arguments: '{"q":"x"}' } }] });
    } else {
      for (const piece of text.match(/.{1,6}/gs) ?? []) chunk({ content: piece });
    }
    res.write(`data: ${JSON.stringify({ ...base, choices: [], usage })}\n\n`);
    res.end('data: [DONE]\n\n');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function json(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}
