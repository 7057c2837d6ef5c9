import { startIsolatedPlatform, type IsolatedPlatform } from '@platform/testing';
import { client, type Answer } from './http-client';

const APP = 'https://app.example';
const ADMIN = 'http://admin.example:8080';
const STRANGER = 'https://stranger.example';

const corsHeaders = (res: Answer) => [...res.headers.keys()].filter((name) => name.startsWith('access-control-'));
const list = (value: string | null) => (value ?? '').split(',').map((s) => s.trim().toLowerCase());

describe('HTTP conventions a client can rely on', () => {
  let platform: IsolatedPlatform;
  let api: ReturnType<typeof client>;
  // No contract check: HEAD and preflight answers have no operation behind them.
  let plain: ReturnType<typeof client>;

  beforeAll(async () => {
    platform = await startIsolatedPlatform('e2e_http_conventions', { CORS_ORIGINS: `${APP}, ${ADMIN}` });
    api = client(platform.baseUrl, platform.token, { contracts: true });
    plain = client(platform.baseUrl, platform.token);
  });
  afterAll(() => platform?.dispose());

  const createAssistant = async (name: string) => {
    const res = await api('POST', '/api/v1/assistants', { body: { name } });
    expect(res.status).toBe(201);
    return res.body as { id: string };
  };

  describe('401 answers carry a Bearer challenge (RFC 6750)', () => {
    it('Bearer realm="api" without a token, with error="invalid_token" for a wrong one', async () => {
      const none = await api('GET', '/api/v1/assistants', { auth: false });
      const basic = await api('GET', '/api/v1/assistants', { auth: false, headers: { authorization: 'Basic eDp5' } });
      const wrong = await api('POST', '/api/v1/assistants', {
        auth: false,
        body: { name: 'Nope' },
        headers: { authorization: 'Bearer not-the-token' },
      });
      expect([none.status, none.headers.get('www-authenticate')]).toEqual([401, 'Bearer realm="api"']);
      expect([basic.status, basic.headers.get('www-authenticate')]).toEqual([401, 'Bearer realm="api"']);
      expect([wrong.status, wrong.headers.get('www-authenticate')]).toEqual([
        401,
        'Bearer realm="api", error="invalid_token"',
      ]);
    });

    it('no challenge on answers that are not 401', async () => {
      const ok = await api('GET', '/api/v1/assistants');
      const notFound = await api('GET', '/api/v1/assistants/01900000-0000-7000-8000-000000000000');
      expect([ok.status, ok.headers.get('www-authenticate')]).toEqual([200, null]);
      expect([notFound.status, notFound.headers.get('www-authenticate')]).toEqual([404, null]);
    });
  });

  describe('405 with Allow for a known path and a wrong method', () => {
    it('names the methods the route table has for the path, HEAD wherever GET is', async () => {
      const { id } = await createAssistant('Allow Target');
      const cases: [method: string, path: string, allow: string][] = [
        ['PATCH', `/api/v1/assistants/${id}`, 'GET, HEAD, PUT, DELETE'],
        ['DELETE', '/api/v1/assistants', 'GET, HEAD, POST'],
        ['PUT', '/api/v1/assistants/types', 'GET, HEAD'],
        ['GET', `/api/v1/assistants/${id}/clone`, 'POST'],
        ['POST', `/api/v1/prompts/${id}/labels/production`, 'DELETE'],
        ['DELETE', `/api/v1/assistants/${id}/system-prompt`, 'GET, HEAD, POST'],
      ];
      for (const [method, path, allow] of cases) {
        const res = await api(method, path, { body: method === 'GET' ? undefined : {} });
        expect([method, path, res.status, res.headers.get('allow')]).toEqual([method, path, 405, allow]);
        expect(res.contentType).toContain('application/problem+json');
        expect(res.body).toMatchObject({ status: 405, title: 'Method not allowed', instance: path });
        expect(res.body.detail).toContain(allow);
      }
    });

    it('serves HEAD where GET is, with the headers GET has and no body', async () => {
      const { id } = await createAssistant('Head Target');
      const head = await plain('HEAD', `/api/v1/assistants/${id}`);
      expect([head.status, head.headers.get('etag'), head.body]).toEqual([200, '"1"', '']);
    });

    it('answers 405 before authentication and before reading the body: the method is wrong whoever asks', async () => {
      const noToken = await api('PATCH', '/api/v1/assistants', { auth: false, body: { name: 'x' } });
      const notJson = await api('PATCH', '/api/v1/assistants', {
        raw: 'a=b',
        headers: { 'content-type': 'text/plain' },
      });
      expect([noToken.status, noToken.headers.get('allow')]).toEqual([405, 'GET, HEAD, POST']);
      expect(notJson.status).toBe(405);
    });

    it('keeps unknown paths 404 whatever the method', async () => {
      for (const [method, path] of [
        ['PATCH', '/api/v1/nothing-here'],
        ['GET', '/api/v1/assistants/01900000-0000-7000-8000-000000000000/nothing'],
        ['DELETE', '/api/v1'],
      ]) {
        const res = await api(method, path);
        expect([method, path, res.status, res.headers.get('allow')]).toEqual([method, path, 404, null]);
      }
    });
  });

  describe('If-None-Match on reads that carry an ETag', () => {
    it('answers 304 with the ETag and no body when a tag matches, else 200', async () => {
      const { id } = await createAssistant('Cached Read');
      for (const name of ['Cached Read 2', 'Cached Read 3']) {
        expect((await api('PUT', `/api/v1/assistants/${id}`, { body: { name } })).status).toBe(200);
      }
      const path = `/api/v1/assistants/${id}`;
      const get = (ifNoneMatch: string, at = path) => api('GET', at, { headers: { 'if-none-match': ifNoneMatch } });
      const answers: [string, number, string | null, unknown][] = [];
      for (const value of ['"3"', 'W/"3"', '"2", "3"', '"1",W/"3"', '*', '"2"', 'W/"4", "1"', '3', 'garbage']) {
        const res = await get(value);
        answers.push([value, res.status, res.headers.get('etag'), res.status === 304 ? res.body : res.body.version]);
      }
      expect(answers).toEqual([
        ['"3"', 304, '"3"', ''],
        ['W/"3"', 304, '"3"', ''],
        ['"2", "3"', 304, '"3"', ''],
        ['"1",W/"3"', 304, '"3"', ''],
        ['*', 304, '"3"', ''],
        ['"2"', 200, '"3"', 3],
        ['W/"4", "1"', 200, '"3"', 3],
        ['3', 200, '"3"', 3],
        ['garbage', 200, '"3"', 3],
      ]);
      // The ETag of the version read, not of the latest.
      const old = await get('"1"', `${path}?version=1`);
      expect([old.status, old.headers.get('etag')]).toEqual([304, '"1"']);
    });

    it('applies to every GET route with an ETag, prompts included', async () => {
      const created = await api('POST', '/api/v1/prompts', { body: { name: 'Cached prompt', template: 'Hi.' } });
      expect(created.status).toBe(201);
      const res = await api('GET', `/api/v1/prompts/${created.body.id}`, { headers: { 'if-none-match': '"1"' } });
      expect([res.status, res.headers.get('etag'), res.body]).toEqual([304, '"1"', '']);
    });

    it('still answers 404 for what does not exist, and 200 where the route has no ETag', async () => {
      const missing = await api('GET', '/api/v1/assistants/01900000-0000-7000-8000-000000000000', {
        headers: { 'if-none-match': '*' },
      });
      const listed = await api('GET', '/api/v1/assistants', { headers: { 'if-none-match': '*' } });
      expect([missing.status, listed.status]).toEqual([404, 200]);
    });
  });

  describe('CORS for the origins in CORS_ORIGINS', () => {
    const preflight = (origin: string, path = '/api/v1/assistants/01900000-0000-7000-8000-000000000000') =>
      plain('OPTIONS', path, {
        auth: false,
        headers: {
          origin,
          'access-control-request-method': 'PUT',
          'access-control-request-headers': 'authorization, content-type, if-match',
        },
      });

    it('answers a preflight from an allowed origin 204, without a token', async () => {
      for (const origin of [APP, ADMIN]) {
        const res = await preflight(origin);
        expect([res.status, res.headers.get('access-control-allow-origin')]).toEqual([204, origin]);
        expect(list(res.headers.get('access-control-allow-methods'))).toEqual(
          expect.arrayContaining(['get', 'head', 'post', 'put', 'delete']),
        );
        expect(list(res.headers.get('access-control-allow-headers'))).toEqual(
          expect.arrayContaining([
            'authorization',
            'content-type',
            'if-match',
            'if-none-match',
            'idempotency-key',
            'x-request-id',
            'x-correlation-id',
          ]),
        );
        expect(Number(res.headers.get('access-control-max-age'))).toBeGreaterThan(0);
        expect(list(res.headers.get('vary'))).toContain('origin');
      }
    });

    it('lets an allowed origin read answers and their headers, errors included', async () => {
      const created = await api('POST', '/api/v1/assistants', {
        body: { name: 'Cors Reader' },
        headers: { origin: APP },
      });
      const denied = await api('GET', '/api/v1/assistants', { auth: false, headers: { origin: APP } });
      for (const res of [created, denied]) {
        expect(res.headers.get('access-control-allow-origin')).toBe(APP);
        expect(list(res.headers.get('vary'))).toContain('origin');
      }
      expect(list(created.headers.get('access-control-expose-headers'))).toEqual(
        expect.arrayContaining([
          'etag',
          'location',
          'retry-after',
          'x-request-id',
          'x-ratelimit-limit',
          'x-ratelimit-remaining',
          'x-ratelimit-reset',
        ]),
      );
      expect(created.status).toBe(201);
      expect(denied.status).toBe(401);
    });

    it('gives any other origin no CORS headers, and its preflight a 403 problem', async () => {
      const read = await api('GET', '/api/v1/assistants', { headers: { origin: STRANGER } });
      expect([read.status, corsHeaders(read)]).toEqual([200, []]);
      const spoofed = await api('GET', '/api/v1/assistants', { headers: { origin: `${APP}.evil.example` } });
      expect(corsHeaders(spoofed)).toEqual([]);
      const res = await preflight(STRANGER);
      expect([res.status, corsHeaders(res)]).toEqual([403, []]);
      expect(res.contentType).toContain('application/problem+json');
      expect(res.body).toMatchObject({ status: 403 });
    });

    it('treats an OPTIONS that is not a preflight as any other method', async () => {
      const known = await api('OPTIONS', '/api/v1/assistants');
      expect([known.status, known.headers.get('allow')]).toEqual([405, 'GET, HEAD, POST']);
      expect((await api('OPTIONS', '/api/v1/nothing-here')).status).toBe(404);
    });
  });
});
