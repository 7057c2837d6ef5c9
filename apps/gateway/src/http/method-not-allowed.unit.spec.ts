import Fastify from 'fastify';
import { answerWrongMethods, methodsByPath } from './method-not-allowed';
import type { Route } from './route-table';

const routes = (...rows: [method: Route['method'], path: string][]) =>
  rows.map(([method, path]) => ({ method, path }) as Route);

describe('methodsByPath', () => {
  it('lists each path once, its methods in the usual order, HEAD with GET when Fastify serves it', () => {
    const table = routes(
      ['DELETE', '/things/:id'],
      ['GET', '/things/:id'],
      ['PUT', '/things/:thingId'],
      ['POST', '/things'],
    );
    expect(methodsByPath(table, true)).toEqual(
      new Map([
        ['/things/:id', ['GET', 'HEAD', 'PUT', 'DELETE']],
        ['/things', ['POST']],
      ]),
    );
    expect(methodsByPath(table, false).get('/things/:id')).toEqual(['GET', 'PUT', 'DELETE']);
  });
});

describe('answerWrongMethods', () => {
  it('answers 405 with Allow on a known path, literal segments before parameters, and leaves others to the router', async () => {
    const table = routes(['GET', '/things/:id'], ['PUT', '/things/:id'], ['GET', '/things/kinds']);
    const fastify = Fastify();
    answerWrongMethods(fastify, table);
    fastify.get('/api/v1/things/:id', async () => 'thing');
    fastify.put('/api/v1/things/:id', async () => 'put');
    fastify.get('/api/v1/things/kinds', async () => 'kinds');
    await fastify.ready();
    const answer = async (method: 'GET' | 'PUT' | 'PATCH' | 'DELETE', url: string) => {
      const res = await fastify.inject({ method, url });
      return [method, url, res.statusCode, res.headers.allow];
    };
    expect(await answer('PATCH', '/api/v1/things/1')).toEqual(['PATCH', '/api/v1/things/1', 405, 'GET, HEAD, PUT']);
    expect(await answer('PUT', '/api/v1/things/kinds')).toEqual(['PUT', '/api/v1/things/kinds', 405, 'GET, HEAD']);
    expect(await answer('PUT', '/api/v1/things/1')).toEqual(['PUT', '/api/v1/things/1', 200, undefined]);
    expect(await answer('DELETE', '/api/v1/other')).toEqual(['DELETE', '/api/v1/other', 404, undefined]);
  });
});
