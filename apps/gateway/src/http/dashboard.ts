import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** The dashboard's views: each has its own URL, all answered with the app's index.html (which routes in the page). */
export const DASHBOARD_VIEWS = ['/', '/assistants', '/assistants/*', '/conversations/*'] as const;

/**
 * Serves the built dashboard (apps/dashboard, built into `dir`) from this origin: its files at their paths and
 * index.html at every view URL. Registered ahead of the rate limiter, which counts API requests only; nothing
 * under /api, /health or /ready is touched. Without a build (a gateway run from sources) there is no dashboard.
 */
export async function serveDashboard(fastify: FastifyInstance, dir: string): Promise<boolean> {
  if (!existsSync(join(dir, 'index.html'))) return false;
  // One route per file found now (wildcard off), so an unknown path is still the API's 404.
  await fastify.register(fastifyStatic, { root: dir, wildcard: false, index: false, cacheControl: false });
  const index = (_req: unknown, reply: FastifyReply) =>
    reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').sendFile('index.html');
  for (const path of DASHBOARD_VIEWS) {
    if (path !== '/') fastify.get(path, index);
  }
  // GET / is registered by the static plugin only for index.html itself; the root view needs its own route.
  fastify.get('/', index);
  return true;
}
