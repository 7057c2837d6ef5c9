import Fastify, { type FastifyInstance } from 'fastify';
import type { GatewayConfig } from '../config';
import { useCors } from './cors';

const APP = 'https://app.example';
const preflight = { 'access-control-request-method': 'PUT' };

async function server(origins: GatewayConfig['corsOrigins']): Promise<FastifyInstance> {
  const fastify = Fastify();
  await useCors(fastify, origins, ['GET', 'HEAD', 'PUT']);
  fastify.get('/thing', async () => ({ ok: true }));
  await fastify.ready();
  return fastify;
}

const corsHeaders = (headers: Record<string, unknown>) =>
  Object.keys(headers).filter((name) => name.startsWith('access-control-'));

describe('useCors', () => {
  it('sends no CORS headers at all without CORS_ORIGINS, and refuses every preflight', async () => {
    const fastify = await server([]);
    const read = await fastify.inject({ url: '/thing', headers: { origin: APP } });
    expect([read.statusCode, corsHeaders(read.headers), read.headers.vary]).toEqual([200, [], undefined]);
    const refused = await fastify.inject({ method: 'OPTIONS', url: '/thing', headers: { origin: APP, ...preflight } });
    expect([refused.statusCode, refused.headers['content-type']]).toEqual([
      403,
      'application/problem+json; charset=utf-8',
    ]);
  });

  it('with *, lets any origin in and answers Access-Control-Allow-Origin: *', async () => {
    const fastify = await server('*');
    const read = await fastify.inject({ url: '/thing', headers: { origin: 'https://any.example' } });
    expect(read.headers['access-control-allow-origin']).toBe('*');
    const ok = await fastify.inject({ method: 'OPTIONS', url: '/thing', headers: { origin: APP, ...preflight } });
    expect([ok.statusCode, ok.headers['access-control-allow-methods']]).toEqual([204, 'GET, HEAD, PUT']);
  });

  it('with a list, echoes a listed origin and gives others nothing; requests without Origin get nothing', async () => {
    const fastify = await server([APP]);
    const listed = await fastify.inject({ url: '/thing', headers: { origin: APP } });
    expect([listed.headers['access-control-allow-origin'], listed.headers.vary]).toEqual([APP, 'Origin']);
    for (const headers of [{ origin: 'https://other.example' }, { origin: 'null' }, {}]) {
      const res = await fastify.inject({ url: '/thing', headers });
      expect([res.statusCode, corsHeaders(res.headers)]).toEqual([200, []]);
    }
  });
});
