import { Logger } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { problem } from '@platform/contracts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Server } from 'node:http';
import { Server as NetServer } from 'node:net';
import { sendProblem } from './problem.filter';

/** Set once a stop signal arrives; read by the request hooks. */
export interface Lifecycle {
  closing: boolean;
  /** Called once closing starts: ends what never finishes by itself (open event streams). */
  onClosing?: () => void;
}

/**
 * While closing, a request arriving on a connection still open gets 503 (Fastify's own 503 is not problem+json),
 * and every answer, those of requests in flight included, closes its connection so that none lingers idle.
 * Registered ahead of authentication and the rate limiter: a closing gateway neither checks nor counts a request.
 */
export function addClosingHooks(fastify: FastifyInstance, lifecycle: Lifecycle): void {
  fastify.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    if (!lifecycle.closing) return;
    sendProblem(reply, problem(503, 'The gateway is shutting down; send the request again'), request);
    return reply;
  });
  fastify.addHook('onSend', async (_request: FastifyRequest, reply: FastifyReply) => {
    if (lifecycle.closing) reply.header('Connection', 'close');
  });
}

// How long keep-alive connections may still send a request (answered 503, closing them) before idle ones are closed.
const IDLE_GRACE_MS = 1000;

/**
 * Stops accepting connections and resolves once every open one has ended. Unlike http.Server#close, which closes
 * idle keep-alive sockets at once, idle ones are closed only after a grace: a client may be writing its next
 * request on one at this very moment, and a reset would leave it unsure whether that request was processed.
 */
async function drainConnections(server: Server): Promise<void> {
  const ended = new Promise<void>((resolve) => NetServer.prototype.close.call(server, () => resolve()));
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([ended, new Promise((resolve) => (timer = setTimeout(resolve, IDLE_GRACE_MS)))]);
  clearTimeout(timer);
  server.closeIdleConnections();
  await ended;
}

/**
 * On SIGTERM or SIGINT: stop accepting connections, let requests in flight get their answers (they wait on NATS
 * replies), then close the app, the NATS connection last. Nest's own shutdown hooks would close NATS first and
 * turn every request in flight into a 504. Exits non-zero when this takes longer than `timeoutMs`.
 */
export function closeOnSignals(app: NestFastifyApplication, lifecycle: Lifecycle, timeoutMs: number): void {
  const logger = new Logger('Gateway');
  const close = async (signal: NodeJS.Signals) => {
    if (lifecycle.closing) return;
    lifecycle.closing = true;
    lifecycle.onClosing?.();
    logger.log(`${signal}: finishing the requests in flight, then closing (at most ${timeoutMs} ms)`);
    setTimeout(() => {
      logger.error(`Still closing ${timeoutMs} ms after ${signal}; exiting`);
      process.exit(1);
    }, timeoutMs).unref();
    try {
      await drainConnections(app.getHttpAdapter().getInstance().server);
      await app.close();
      process.exit(0);
    } catch (err) {
      logger.error(err);
      process.exit(1);
    }
  };
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, () => void close(signal));
}
