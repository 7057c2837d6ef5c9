import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import {
  generationStreamSubject,
  isProblemDetails,
  problem,
  type OperationContract,
  type ProblemDetails,
  type RequestMeta,
} from '@platform/contracts';
import { busPrefix, connectNats, RpcProblemError, type RpcClient } from '@platform/messaging';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { NatsConnection } from 'nats';
import { randomUUID } from 'node:crypto';

// Server-sent events for a route whose operation can stream its answer (a model's reply): the request goes to the
// route's streaming operation with a stream id; the service publishes the pieces on the stream's subject while it
// works, and its answer, when it comes, is the last event. Nothing streams until the first piece: an error before
// it is an ordinary problem answer.

const decoder = new TextDecoder();
/** How long the last pieces may trail the answer (they travel on another connection). */
const TRAILING_MS = 2000;

/** Whether the client asked for server-sent events. */
export const wantsEventStream = (req: FastifyRequest) =>
  String(req.headers.accept ?? '')
    .split(',')
    .some((part) => part.trim().toLowerCase().startsWith('text/event-stream'));

/** The gateway's own NATS connection for stream subjects, made on first use. */
@Injectable()
export class EventStreams implements OnModuleDestroy {
  private nats?: Promise<NatsConnection>;

  connection(): Promise<NatsConnection> {
    this.nats ??= connectNats({ name: 'gateway-event-streams' });
    this.nats.catch(() => (this.nats = undefined));
    return this.nats;
  }

  async onModuleDestroy(): Promise<void> {
    const nc = await this.nats?.catch(() => undefined);
    await nc?.drain().catch(() => undefined);
  }
}

export interface StreamedRoute {
  operation: OperationContract;
  status: number;
  timeoutMs?: number;
}

/** Answers `req` as a stream of `delta` events, then `message` (the operation's answer) or `error` (a problem). */
export async function answerAsEventStream(
  streams: EventStreams,
  rpc: RpcClient,
  route: StreamedRoute,
  input: { params?: unknown; query?: unknown; body?: unknown },
  meta: RequestMeta,
  req: FastifyRequest,
  reply: FastifyReply,
): Promise<undefined> {
  const streamId = randomUUID();
  const nc = await streams.connection().catch((err: unknown) => {
    throw new RpcProblemError(problem(503, 'NATS unavailable: the message bus cannot be reached'), undefined, err);
  });
  const sub = nc.subscribe(generationStreamSubject(busPrefix(), streamId));
  let started = false;
  const send = (event: string, data: unknown) => {
    if (!started) {
      started = true;
      reply.hijack();
      // The headers hooks set so far (request id, CORS, rate limit) go out with the stream.
      const headers = Object.entries(reply.getHeaders()).filter(([, v]) => v !== undefined);
      reply.raw.writeHead(route.status, {
        ...(Object.fromEntries(headers) as Record<string, string | number | string[]>),
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache',
        'x-accel-buffering': 'no',
      });
    }
    reply.raw.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  };
  const pieces = (async () => {
    for await (const m of sub) {
      const piece = JSON.parse(decoder.decode(m.data)) as { delta?: string; done?: boolean };
      if (piece.done) return;
      if (piece.delta) send('delta', { content: piece.delta });
    }
  })();
  try {
    const result = await rpc.send(
      route.operation.pattern,
      { meta, body: { ...input, query: { streamId } } },
      { timeoutMs: route.timeoutMs },
    );
    await Promise.race([pieces, new Promise((resolve) => setTimeout(resolve, TRAILING_MS).unref())]);
    send('message', result);
  } catch (err) {
    if (!started) throw err;
    send('error', { ...problemOf(err), instance: req.url.split('?', 1)[0] });
  } finally {
    sub.unsubscribe();
  }
  reply.raw.end();
  return undefined;
}

function problemOf(err: unknown): ProblemDetails {
  const carried = (err as { problem?: unknown } | null)?.problem;
  return isProblemDetails(carried) ? carried : problem(500, 'An unexpected error occurred');
}
