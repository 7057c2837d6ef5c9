import { startIsolatedPlatform, type IsolatedPlatform } from '@platform/testing';
import { client } from './http-client';

describe('HTTP conventions a client can rely on', () => {
  let platform: IsolatedPlatform;
  let api: ReturnType<typeof client>;
  // No contract check: HEAD answers have no operation behind them.
  let plain: ReturnType<typeof client>;

  beforeAll(async () => {
    platform = await startIsolatedPlatform('e2e_http_conventions');
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
});
