import cors from '@fastify/cors';
import { problem } from '@platform/contracts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { GatewayConfig } from '../config';
import { sendProblem } from './problem.filter';

// What a browser script may send beyond the CORS-safelisted headers, and which answer headers it may read.
const ALLOWED_HEADERS = [
  'Authorization',
  'Content-Type',
  'If-Match',
  'If-None-Match',
  'Idempotency-Key',
  'X-Request-Id',
  'X-Correlation-Id',
];
const EXPOSED_HEADERS = [
  'ETag',
  'Location',
  'Retry-After',
  'X-Request-Id',
  'X-RateLimit-Limit',
  'X-RateLimit-Remaining',
  'X-RateLimit-Reset',
  'Allow',
  'WWW-Authenticate',
];
// How long a browser may reuse a preflight answer; short, so a changed CORS_ORIGINS applies soon after a restart.
const MAX_AGE_SECONDS = 600;

const isPreflight = (req: FastifyRequest): boolean =>
  req.method === 'OPTIONS' &&
  req.headers.origin !== undefined &&
  req.headers['access-control-request-method'] !== undefined;

/**
 * CORS for the origins in CORS_ORIGINS. An allowed origin gets its preflight answered 204 and every answer made
 * readable, errors included. Any other origin gets no CORS headers at all, and its preflight a 403 problem, which
 * says why in the browser's network panel where a bare answer would leave the developer guessing. Preflights are
 * answered in onRequest hooks: ahead of the token check (browsers send them without one) and of the rate limiter.
 * An OPTIONS that is not a preflight is routed like any other method (405 on a known path). With no origins
 * configured the plugin is not registered at all: no CORS headers, no Vary, every preflight a 403.
 */
export async function useCors(
  fastify: FastifyInstance,
  origins: GatewayConfig['corsOrigins'],
  methods: readonly string[],
): Promise<void> {
  const allowed = (origin: string | undefined) => origin !== undefined && (origins === '*' || origins.includes(origin));
  fastify.addHook('onRequest', async (req: FastifyRequest, reply: FastifyReply) => {
    if (!isPreflight(req) || allowed(req.headers.origin)) return;
    sendProblem(reply, problem(403, 'Cross-origin requests from this origin are not allowed'), req);
    return reply;
  });
  if (origins !== '*' && origins.length === 0) return;
  await fastify.register(cors, {
    // Per request, so that only a real preflight is answered as one; a delegated answer also always sends
    // Vary: Origin, which caches need since the headers depend on the origin.
    delegator: (req, done) =>
      done(null, {
        origin: allowed(req.headers.origin) ? (origins === '*' ? '*' : true) : false,
        preflight: isPreflight(req),
        methods: [...methods],
        allowedHeaders: ALLOWED_HEADERS,
        exposedHeaders: EXPOSED_HEADERS,
        maxAge: MAX_AGE_SECONDS,
      }),
  });
}
