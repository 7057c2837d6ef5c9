import {
  Inject,
  Injectable,
  Logger,
  Optional,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { ClientProxyFactory, Transport, type ClientProxy } from '@nestjs/microservices';
import { problem } from '@platform/contracts';
import type { NatsConnection } from 'nats';
import { firstValueFrom, timeout } from 'rxjs';
import { natsServers, rpcSubject, rpcTimeoutMs } from '../config/bus-config';
import { rpcFailureProblem } from './rpc-failure';
import { RpcProblemError } from './rpc-problem.error';

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
  private readonly proxy: ClientProxy;
  readonly defaultTimeoutMs: number;

  constructor(@Optional() @Inject(RPC_CLIENT_OPTIONS) options: RpcClientOptions | null = null) {
    const servers = options?.servers ?? natsServers();
    this.defaultTimeoutMs = options?.timeoutMs ?? rpcTimeoutMs();
    this.proxy = ClientProxyFactory.create({
      transport: Transport.NATS,
      options: {
        servers: Array.isArray(servers) ? servers : [servers],
        name: options?.name ?? 'rpc-client',
        // Keep reconnecting for ever; while NATS is away requests fail fast with 503.
        maxReconnectAttempts: -1,
        reconnectTimeWait: 500,
      },
    });
  }

  async send<T = unknown>(pattern: string, payload: unknown, options: RpcSendOptions = {}): Promise<T> {
    const timeoutMs = options.timeoutMs ?? this.defaultTimeoutMs;
    try {
      // Nest refuses null/undefined payloads; an empty object says "no arguments" just as well.
      const answer$ = this.proxy.send<T>(rpcSubject(pattern), payload ?? {}).pipe(timeout({ first: timeoutMs }));
      return await firstValueFrom(answer$, { defaultValue: undefined as T });
    } catch (err) {
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
          const nc = (await this.proxy.connect()) as NatsConnection;
          if (nc.isClosed()) throw new Error('connection closed');
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
    await this.proxy.connect().catch((err: unknown) => this.logger.warn(`NATS not reachable yet: ${messageOf(err)}`));
  }

  async close(): Promise<void> {
    await this.proxy.close();
  }

  onModuleDestroy(): Promise<void> {
    return this.close();
  }
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
