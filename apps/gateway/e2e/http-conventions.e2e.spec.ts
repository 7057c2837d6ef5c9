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
});
