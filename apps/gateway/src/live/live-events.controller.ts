import { Controller, Get, Inject, Injectable, Logger, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import {
  AssistantOperations,
  ConversationOperations,
  DeploymentOperations,
  PromptOperations,
  problem,
  type OperationContract,
  type RequestMeta,
} from '@platform/contracts';
import { eventFilter, eventStreamName, RpcClient, RpcProblemError } from '@platform/messaging';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DeliverPolicy, type ConsumerMessages } from 'nats';
import { RequiresPermission } from '../http/auth.guard';
import { EventStreams } from '../http/event-stream';
import { Meta } from '../http/request-meta';
import { categoryOf, ownerNamedBy, parseLastEventId, verdict, type Verdict } from './event-visibility';

// GET /api/v1/events/stream: the domain events of the JetStream stream as server-sent events, each with the
// stream sequence as its id, so a client that reconnects with Last-Event-ID gets exactly the events after the
// last one it saw. One ordered consumer per connection (it starts where the client left off and is gone with
// it). A first `ready` event carries the sequence the stream is at, so a client that has seen no event yet
// still resumes from there. Comments (`: ping`) every HEARTBEAT_MS keep proxies from closing an idle stream.

export const LIVE_EVENTS_PATH = '/api/v1/events/stream';
const HEARTBEAT_MS = Number(process.env.LIVE_HEARTBEAT_MS) || 15_000;
const decoder = new TextDecoder();

/**
 * The operation that tells whether the caller may read the resource of a stream category, and the id it is asked
 * with: the stream's own id, except for deployments, which the service reads per assistant (the assistant's
 * deployment status, owner-scoped like every deployment read), so the question names the event's assistant.
 */
const READ_OPERATION: Readonly<Record<string, { operation: OperationContract; id: (event: Envelope) => unknown }>> = {
  assistant: { operation: AssistantOperations.get, id: streamEntityId },
  prompt: { operation: PromptOperations.get, id: streamEntityId },
  conversation: { operation: ConversationOperations.get, id: streamEntityId },
  deployment: {
    operation: DeploymentOperations.status,
    id: (event) => (event.data as { assistantId?: unknown } | null)?.assistantId,
  },
};

function streamEntityId(event: Envelope): string {
  return event.streamId.slice(event.streamId.indexOf('-') + 1);
}

/** The open streams, so a stopping gateway can end them instead of waiting for them. */
@Injectable()
export class LiveConnections {
  private readonly open = new Set<() => void>();

  add(end: () => void): () => void {
    this.open.add(end);
    return () => this.open.delete(end);
  }

  closeAll(): void {
    for (const end of [...this.open]) end();
  }
}

interface Envelope {
  id: string;
  streamId: string;
  type: string;
  schemaVersion: number;
  data: unknown;
  metadata: Record<string, unknown>;
  revision: number;
  position: number;
}

@ApiExcludeController()
@Controller()
export class LiveEventsController {
  private readonly logger = new Logger('LiveEvents');

  constructor(
    @Inject(EventStreams) private readonly streams: EventStreams,
    @Inject(RpcClient) private readonly rpc: RpcClient,
    @Inject(LiveConnections) private readonly connections: LiveConnections,
  ) {}

  @Get(LIVE_EVENTS_PATH.slice(1))
  @RequiresPermission('assistants:read')
  async stream(@Req() req: FastifyRequest, @Meta() meta: RequestMeta, @Res() reply: FastifyReply): Promise<void> {
    const opened = await this.open(parseLastEventId(req.headers['last-event-id'])).catch((err: unknown) => {
      this.logger.warn(`live stream not opened: ${(err as Error).message}`);
      throw new RpcProblemError(problem(503, 'The event stream cannot be read now; reconnect shortly'));
    });
    const { after, messages } = opened;

    reply.hijack();
    const headers = Object.entries(reply.getHeaders()).filter(([, v]) => v !== undefined);
    reply.raw.writeHead(200, {
      ...(Object.fromEntries(headers) as Record<string, string | number | string[]>),
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-store',
      'x-accel-buffering': 'no',
    });
    const write = (chunk: string) => !reply.raw.writableEnded && reply.raw.write(chunk);
    write(`retry: 1000\nid: ${after}\nevent: ready\ndata: ${JSON.stringify({ sequence: after })}\n\n`);
    const heartbeat = setInterval(() => write(': ping\n\n'), HEARTBEAT_MS);
    let ended = false;
    const end = () => {
      if (ended) return;
      ended = true;
      clearInterval(heartbeat);
      messages.stop();
      forget();
      if (!reply.raw.writableEnded) reply.raw.end();
    };
    const forget = this.connections.add(end);
    req.raw.on('close', end);

    const visible = new Map<string, boolean>();
    try {
      for await (const m of messages) {
        if (ended) break;
        let event: Envelope;
        try {
          event = JSON.parse(decoder.decode(m.data)) as Envelope;
        } catch {
          continue;
        }
        if (!(await this.mayShow(meta, event, visible))) continue;
        const shown = {
          id: event.id,
          streamId: event.streamId,
          type: event.type,
          schemaVersion: event.schemaVersion,
          data: event.data,
          metadata: { occurredAt: event.metadata?.occurredAt, correlationId: event.metadata?.correlationId },
          revision: event.revision,
          position: event.position,
          sequence: m.seq,
        };
        write(`id: ${m.seq}\nevent: domain\ndata: ${JSON.stringify(shown)}\n\n`);
      }
    } catch (err) {
      this.logger.warn(`live stream ended: ${(err as Error).message}`);
    } finally {
      end();
    }
  }

  /** An ordered consumer of the domain events after `lastSeen`, or after the stream's last one when not given. */
  private async open(lastSeen: number | undefined): Promise<{ after: number; messages: ConsumerMessages }> {
    const nc = await this.streams.connection();
    const stream = eventStreamName();
    const after = lastSeen ?? (await (await nc.jetstreamManager()).streams.info(stream)).state.last_seq;
    const consumer = await nc.jetstream().consumers.get(stream, {
      filterSubjects: eventFilter(),
      deliver_policy: DeliverPolicy.StartSequence,
      opt_start_seq: after + 1,
    });
    return { after, messages: await consumer.consume() };
  }

  /** The verdict of event-visibility.ts; for `ask`, the owning service's answer to a read as the caller. */
  private async mayShow(meta: RequestMeta, event: Envelope, visible: Map<string, boolean>): Promise<boolean> {
    const known = visible.get(event.streamId);
    const decided: Verdict = verdict(meta, event);
    if (decided !== 'ask') {
      // An owner an event names holds for its whole stream (creation events name it, later ones do not).
      if (ownerNamedBy(event) !== undefined) visible.set(event.streamId, decided === 'show');
      return decided === 'show';
    }
    if (known !== undefined) return known;
    const read = READ_OPERATION[categoryOf(event.streamId)];
    const id = read?.id(event);
    let answer = false;
    if (read && typeof id === 'string' && id !== '') {
      try {
        await this.rpc.send(read.operation.pattern, { meta, body: { params: { id }, query: {} } });
        answer = true;
      } catch {
        answer = false; // not found for this caller, or no answer now: drop rather than guess
      }
    }
    visible.set(event.streamId, answer);
    return answer;
  }
}
