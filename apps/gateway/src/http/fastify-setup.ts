import rateLimit from '@fastify/rate-limit';
import { problem } from '@platform/contracts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { v7 as uuidv7 } from 'uuid';
import type { GatewayConfig } from '../config';
import type { ApiKeyDirectory } from './api-key-directory';
import { bearerChallenge, createAuthenticate, type AuthenticatedRequest } from './authentication';
import { useCors } from './cors';
import { serveDashboard } from './dashboard';
import { useJsonBodyParser } from './json-body';
import { answerWrongMethods, methodsByPath } from './method-not-allowed';
import { sendProblem } from './problem.filter';
import type { Route } from './route-table';
import { addClosingHooks, type Lifecycle } from './shutdown';

const REQUEST_ID = /^[\w.:-]{1,128}$/;
// RFC 9110 asks servers to take URLs of 8000 octets; nothing in this API needs more.
export const MAX_URL_LENGTH = 8192;
const UNLIMITED_PATHS = new Set(['/health', '/ready']);

/** A request id for every request: the caller's X-Request-Id when sane, else a fresh one. */
export function requestIdFrom(req: { headers: Record<string, string | string[] | undefined> }): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && REQUEST_ID.test(given) ? given : uuidv7();
}

/** The authenticated actor, or the client address when authentication failed or was absent. */
export const rateLimitKey = (req: AuthenticatedRequest): string =>
  req.principal ? `actor:${req.principal.actorId}` : `anon:${req.ip}`;

/**
 * Things Fastify decides before Nest sees a request: who is calling, CORS, body parsing, size, media type, limits,
 * and the 405 for a method that the path in the route table does not take.
 */
export async function configureFastify(
  fastify: FastifyInstance,
  config: GatewayConfig,
  lifecycle: Lifecycle,
  routes: readonly Route[],
  keys: ApiKeyDirectory,
): Promise<void> {
  // Only JSON bodies: anything else (text/plain included) is a 415 rather than a silently accepted string.
  fastify.removeContentTypeParser(['text/plain']);
  useJsonBodyParser(fastify);
  fastify.addHook('onRequest', async (req: FastifyRequest, reply: FastifyReply) => {
    reply.header('X-Request-Id', req.id);
  });
  addClosingHooks(fastify, lifecycle);
  const authenticate = createAuthenticate(config.adminToken, config.rateLimitPerMinute, keys);
  // Ahead of the rate limiter's hook (a route-level one, so it always runs after these), which keys on the actor.
  fastify.addHook('onRequest', async (req: FastifyRequest, reply: FastifyReply) => {
    if (req.url.length > MAX_URL_LENGTH) {
      sendProblem(reply, problem(414, `The URL is longer than ${MAX_URL_LENGTH} characters`), req);
      return reply;
    }
    await authenticate(req);
  });
  // Every 401, whoever answers it, says how to authenticate (RFC 9110 §11.6.1, RFC 6750 §3).
  fastify.addHook('onSend', async (req: AuthenticatedRequest, reply: FastifyReply) => {
    if (reply.statusCode === 401) reply.header('WWW-Authenticate', bearerChallenge(req));
  });
  // Preflights allow every method of the route table; a wrong one for the path is then a readable 405.
  const methods = [...new Set([...methodsByPath(routes, true).values()].flat())];
  await useCors(fastify, config.corsOrigins, methods);
  // The dashboard's files and view URLs: added before the rate limiter, whose hook covers only routes added after.
  await serveDashboard(fastify, config.dashboardDir);
  await fastify.register(rateLimit, {
    // Each key has its own limit (its role's default unless set on the key); anonymous callers share one per address.
    max: (req) =>
      (req as AuthenticatedRequest).principal?.rateLimitPerMinute ?? config.unauthenticatedRateLimitPerMinute,
    timeWindow: 60_000,
    keyGenerator: rateLimitKey,
    allowList: (req) => UNLIMITED_PATHS.has(req.url.split('?', 1)[0]),
    // The plugin sets Retry-After itself; the body is our problem document.
    errorResponseBuilder: (_req, ctx) => ({
      ...problem(429, `More than ${ctx.max} requests in a minute; retry after ${ctx.after}`),
      statusCode: 429,
    }),
  });
  answerWrongMethods(fastify, routes); // after the rate limiter, which hooks into the routes added after it
}
