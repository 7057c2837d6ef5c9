import { problem } from '@platform/contracts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { sendProblem } from './problem.filter';
import { API_BASE, type Route } from './route-table';

// The order of methods in Allow; any other comes after these, alphabetically.
const ORDER = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];
const rank = (method: string) => (ORDER.includes(method) ? ORDER.indexOf(method) : ORDER.length);
const byOrder = (a: string, b: string) => rank(a) - rank(b) || a.localeCompare(b);

/**
 * Each path of the route table (under /api/v1, with Fastify parameters) and the methods it answers, HEAD included
 * wherever GET is when Fastify serves HEAD for GET routes. Paths that differ only in parameter names are one path
 * to the router, so they are merged here too.
 */
export function methodsByPath(routes: readonly Route[], headForGet: boolean): Map<string, string[]> {
  const byShape = new Map<string, { path: string; methods: Set<string> }>();
  for (const r of routes) {
    const shape = r.path.replace(/:[^/]+/g, ':');
    const entry = byShape.get(shape) ?? { path: r.path, methods: new Set<string>() };
    entry.methods.add(r.method);
    if (r.method === 'GET' && headForGet) entry.methods.add('HEAD');
    byShape.set(shape, entry);
  }
  return new Map([...byShape.values()].map(({ path, methods }) => [path, [...methods].sort(byOrder)]));
}

/**
 * A known path asked with a method it does not take gets 405 naming the methods in `Allow` rather than the
 * router's 404. These are routes of their own for every other method Fastify knows, so the router's precedence
 * holds: `PUT /assistants/types` is a 405 on the literal path, not a PUT of an assistant with the id "types".
 * The answer comes in preParsing: after the rate limiter counted the request, before any body is read, and
 * without looking at the token, since the method is wrong whoever asks. Registered before Nest adds its routes.
 */
export function answerWrongMethods(fastify: FastifyInstance, routes: readonly Route[]): void {
  // On by default (exposeHeadRoutes); the type of initialConfig does not list it.
  const headForGet = (fastify.initialConfig as { exposeHeadRoutes?: boolean }).exposeHeadRoutes !== false;
  for (const [path, allowed] of methodsByPath(routes, headForGet)) {
    const allow = allowed.join(', ');
    fastify.route({
      method: fastify.supportedMethods.filter((method) => !allowed.includes(method)),
      url: API_BASE + path,
      exposeHeadRoute: false,
      preParsing: async (req: FastifyRequest, reply: FastifyReply) => {
        reply.header('Allow', allow);
        sendProblem(reply, problem(405, `${req.method} is not a method of this path; it takes ${allow}`), req);
        return reply;
      },
      handler: async () => undefined, // never reached: preParsing has answered
    });
  }
}
