import {
  Inject,
  Injectable,
  Logger,
  Optional,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { isProblemDetails, problem } from '@platform/contracts';
import { randomUUID } from 'node:crypto';
import { connect, Events, JSONCodec, type NatsConnection } from 'nats';
import { natsServers, rpcChannel, rpcSubject, rpcTimeoutMs } from '../config/bus-config';
import { ReplyMux } from './reply-mux';
import { rpcFailureProblem } from './rpc-failure';
import { RpcProblemError } from './rpc-problem.error';

const codec = JSONCodec<unknown>();
type ReplyPacket = { response?: unknown; err?: unknown; isDisposed?: boolean };

export interface RpcClientOptions {
  /** NATS servers (default `NATS_URL`). */
  servers?: string | string[];
  /** Default answer deadline per request (default `RPC_TIMEOUT_MS` ?? 5000). */
  timeoutMs?: number;
  /** Connection name shown by the NATS server. */
  name?: string;
}

export interface RpcSendOptions {
  timeoutMs?: number;
}

export type PingResult = { up: true; latencyMs: number } | { up: false; problem: RpcProblemError['problem'] };

export const RPC_CLIENT_OPTIONS = Symbol('RPC_CLIENT_OPTIONS');

/**
 * Request/reply over NATS for the gateway (or any caller): a pattern travels on `rpcSubject(pattern)`, the
 * answer is awaited with a deadline, and every failure surfaces as an RpcProblemError carrying the problem
 * document the HTTP client should see (504 timeout, 503 bus or service down, the service's own problem, 500).
 */
@Injectable()
export class RpcClient implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(RpcClient.name);
  private readonly servers: string[];
  private readonly name: string;
  /** Subjects by pattern: the bus prefix is read once per pattern, not validated again on every request. */
  private readonly subjects = new Map<string, { subject: string; channel: string }>();
  private nc?: Promise<NatsConnection>;
  /** The connection's one reply subscription. */
  private readonly muxes = new WeakMap<NatsConnection, ReplyMux>();
  /** Between a disconnect and the reconnect: requests fail at once (503) instead of waiting for their deadline. */
  private disconnected = false;
  /** Disconnects so far: a request that saw one while it waited failed because of the bus, not the service. */
  private disconnects = 0;
  readonly defaultTimeoutMs: number;

  constructor(@Optional() @Inject(RPC_CLIENT_OPTIONS) options: RpcClientOptions | null = null) {
    const servers = options?.servers ?? natsServers();
    this.servers = Array.isArray(servers) ? servers : [servers];
    this.name = options?.name ?? 'rpc-client';
    this.defaultTimeoutMs = options?.timeoutMs ?? rpcTimeoutMs();
  }

  /**
   * Sends in the wire format of Nest's NATS transport (`{pattern, data, id}`, answered by `{response | err}`), on
   * the connection's one multiplexed reply subscription (ReplyMux) rather than a fresh inbox per request.
   */
  async send<T = unknown>(pattern: string, payload: unknown, options: RpcSendOptions = {}): Promise<T> {
    const timeoutMs = options.timeoutMs ?? this.defaultTimeoutMs;
    const disconnectsBefore = this.disconnects;
    try {
      const nc = await this.connection();
      if (this.disconnected || nc.isClosed()) throw new Error('NATS connection lost (DISCONNECT)');
      const { subject, channel } = this.route(pattern);
      const request = { pattern: channel, data: payload ?? {}, id: randomUUID() };
      const reply = await this.mux(nc).request(subject, codec.encode(request), timeoutMs);
      const packet = codec.decode(reply.data) as ReplyPacket;
      if (packet.err !== undefined && packet.err !== null) throw packet.err;
      return packet.response as T;
    } catch (err) {
      const busLost = this.disconnected || this.disconnects !== disconnectsBefore;
      if (busLost && !isProblemDetails(err)) {
        throw new RpcProblemError(problem(503, 'NATS unavailable: the message bus cannot be reached'), pattern, err);
      }
      throw new RpcProblemError(rpcFailureProblem(err, pattern, timeoutMs), pattern, err);
    }
  }

  /** Readiness of a service: sends `payload` to `pattern` and reports whether an answer came back in time. */
  async ping(pattern: string, payload: unknown = {}, options: RpcSendOptions = {}): Promise<PingResult> {
    const started = performance.now();
    try {
      await this.send(pattern, payload, options);
      return { up: true, latencyMs: Math.round(performance.now() - started) };
    } catch (err) {
      return { up: false, problem: (err as RpcProblemError).problem };
    }
  }

  /** Resolves when the NATS server answers a round trip within the deadline; else throws RpcProblemError 503. */
  async connected(timeoutMs = Math.min(this.defaultTimeoutMs, 2000)): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
    });
    try {
      await Promise.race([
        (async () => {
          const nc = await this.connection();
          if (nc.isClosed() || this.disconnected) throw new Error('connection lost');
          await nc.flush();
        })(),
        deadline,
      ]);
    } catch (err) {
      throw new RpcProblemError(problem(503, `NATS unavailable: ${messageOf(err)}`), undefined, err);
    } finally {
      clearTimeout(timer);
    }
  }

  async onApplicationBootstrap(): Promise<void> {
    // Connect early so the first request does not pay for it; a bus that is down now is reported by /ready.
    await this.connection().catch((err: unknown) => this.logger.warn(`NATS not reachable yet: ${messageOf(err)}`));
  }

  async close(): Promise<void> {
    const nc = await this.nc?.catch(() => undefined);
    this.nc = undefined;
    await nc?.drain().catch(() => nc.close());
  }

  onModuleDestroy(): Promise<void> {
    return this.close();
  }

  private mux(nc: NatsConnection): ReplyMux {
    let mux = this.muxes.get(nc);
    if (!mux) {
      mux = new ReplyMux(nc);
      this.muxes.set(nc, mux);
    }
    return mux;
  }

  private route(pattern: string): { subject: string; channel: string } {
    let route = this.subjects.get(pattern);
    if (!route) {
      route = { subject: rpcSubject(pattern), channel: rpcChannel(pattern) };
      this.subjects.set(pattern, route);
    }
    return route;
  }

  private connection(): Promise<NatsConnection> {
    this.nc ??= connect({
      servers: this.servers,
      name: this.name,
      // No stack captured per request for errors that are almost never thrown (the request's own timeout and
      // cancellation): a request that fails is mapped by its code, never by its stack.
      noAsyncTraces: true,
      // Keep reconnecting for ever; while NATS is away requests fail fast with 503.
      maxReconnectAttempts: -1,
      reconnectTimeWait: 500,
    }).then(
      (nc) => {
        void this.watch(nc);
        return nc;
      },
      (err: unknown) => {
        this.nc = undefined; // the next request tries again
        throw err;
      },
    );
    return this.nc;
  }

  private async watch(nc: NatsConnection): Promise<void> {
    for await (const status of nc.status()) {
      if (status.type === Events.Disconnect) {
        this.disconnected = true;
        this.disconnects += 1;
      }
      if (status.type === Events.Reconnect) this.disconnected = false;
    }
  }
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
