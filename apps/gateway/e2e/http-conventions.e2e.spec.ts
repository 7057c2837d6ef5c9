import { startIsolatedPlatform, type IsolatedPlatform } from '@platform/testing';
import { client } from './http-client';

describe('HTTP conventions a client can rely on', () => {
  let platform: IsolatedPlatform;
  let api: ReturnType<typeof client>;

  beforeAll(async () => {
    platform = await startIsolatedPlatform('e2e_http_conventions');
    api = client(platform.baseUrl, platform.token, { contracts: true });
  });
  afterAll(() => platform?.dispose());

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
});
