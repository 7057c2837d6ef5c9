import { startIsolatedPlatform, type IsolatedPlatform } from '@platform/testing';
import { client, type Answer } from './http-client';
import { RawConnection, rawExchange, type RawResponse } from './raw-http';

interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  errors?: { field: string; message: string }[];
}

const BODY_LIMIT = 524_288;
const REQUEST_TIMEOUT_MS = 2000;
const UNKNOWN_ID = '01900000-0000-7000-8000-000000000000';

/** A valid assistant whose JSON is exactly `bytes` long: topics and keywords fill it, trailing spaces the rest. */
function assistantOfSize(bytes: number): string {
  type Domain = { name: string; expertiseLevel: number; topics: string[]; keywords: string[] };
  const knowledgeDomains: Domain[] = [];
  const body = { name: `Big ${bytes}`, persona: { knowledgeDomains } };
  let length = JSON.stringify(body).length;
  while (length < bytes - 300) {
    const domain = knowledgeDomains.at(-1);
    if (!domain || domain.keywords.length === 100) {
      knowledgeDomains.push({ name: `domain ${knowledgeDomains.length}`, expertiseLevel: 5, topics: [], keywords: [] });
      length = JSON.stringify(body).length;
      continue;
    }
    const [list, max] = domain.topics.length < 100 ? [domain.topics, 200] : [domain.keywords, 100];
    const item = 'x'.repeat(Math.min(max, bytes - 300 - length));
    list.push(item);
    length += item.length + 3;
  }
  const json = JSON.stringify(body);
  return json + ' '.repeat(bytes - json.length);
}

function expectProblem(res: Answer<unknown> | RawResponse, status: number, field?: string): Problem {
  const contentType = 'contentType' in res ? res.contentType : res.headers['content-type'];
  const body: Problem = typeof res.body === 'string' ? JSON.parse(res.body) : (res.body as Problem);
  expect([res.status, contentType]).toEqual([status, expect.stringContaining('application/problem+json')]);
  expect(body.status).toBe(status);
  if (field) expect(body.errors?.map((e) => e.field)).toContain(field);
  return body;
}

describe('hostile input at the HTTP layer', () => {
  let platform: IsolatedPlatform;
  let api: ReturnType<typeof client>;
  let port: number;

  beforeAll(async () => {
    platform = await startIsolatedPlatform('e2e_hostile_input', { REQUEST_TIMEOUT_MS: String(REQUEST_TIMEOUT_MS) });
    api = client(platform.baseUrl, platform.token, { contracts: true });
    port = Number(new URL(platform.baseUrl).port);
  });
  afterAll(() => platform?.dispose());

  const post = (path: string, raw: string, headers: Record<string, string> = {}) =>
    api<Problem>('POST', path, { raw, headers: { 'content-type': 'application/json', ...headers } });

  describe('body size', () => {
    it('answers 413 naming the 512 KiB limit for every body over it, up to 1 MiB', async () => {
      const sizes = [BODY_LIMIT + 1, 1_000_000, 1_046_000, 1_048_576];
      const answers: Answer<Problem>[] = [];
      for (const size of sizes) answers.push(await post('/api/v1/assistants', assistantOfSize(size)));
      expect(answers.map((res) => res.status)).toEqual(sizes.map(() => 413));
      for (const res of answers) expect(expectProblem(res, 413).detail).toContain(`${BODY_LIMIT} bytes`);
    });

    it('takes a valid body of exactly the limit', async () => {
      const res = await post('/api/v1/assistants', assistantOfSize(BODY_LIMIT));
      expect(res.status).toBe(201);
    });

    it('answers 413, not 500, when a body under the limit grows past the bus message limit once re-encoded', async () => {
      // 1e20 is 4 bytes in the body and 21 once serialised again for the bus.
      const variables = Object.fromEntries(Array.from({ length: 37_000 }, (_, i) => [`v${i}`, 1e20]));
      const raw = JSON.stringify({ variables }).replaceAll('100000000000000000000', '1e20');
      expect(raw.length).toBeLessThan(BODY_LIMIT);
      expectProblem(await post(`/api/v1/assistants/${UNKNOWN_ID}/system-prompt`, raw), 413);
    });
  });

  describe('JSON nesting', () => {
    const nested = (depth: number) => `{"name":${'['.repeat(depth - 1)}${']'.repeat(depth - 1)}}`;

    it('refuses a body nested 10,000 levels deep with 400 naming (body), with or without an Idempotency-Key', async () => {
      const plain = await post('/api/v1/assistants', nested(10_000));
      const withKey = await post('/api/v1/assistants', nested(10_000), { 'idempotency-key': 'deep-body' });
      expect([plain.status, withKey.status]).toEqual([400, 400]);
      expectProblem(plain, 400, '(body)');
      expectProblem(withKey, 400, '(body)');
    });

    it('takes 64 levels and refuses 65', async () => {
      const at64 = expectProblem(await post('/api/v1/assistants', nested(64)), 400);
      expect(at64.errors?.map((e) => e.field)).toEqual(['name']);
      expectProblem(await post('/api/v1/assistants', nested(65)), 400, '(body)');
    });

    it('counts only brackets outside strings', async () => {
      const name = `Brackets ${'[{'.repeat(60)} \\" ${'['.repeat(60)}`;
      const res = await api('POST', '/api/v1/assistants', {
        body: { name },
        headers: { 'idempotency-key': 'brackets' },
      });
      expect(res.status).toBe(201);
    });
  });

  describe('If-Match', () => {
    it('accepts "<n>", W/"<n>", bare digits and *; anything else or a version over 2^31-1 is 400 naming If-Match', async () => {
      const created = await api('POST', '/api/v1/assistants', { body: { name: 'If Match Target' } });
      const path = `/api/v1/assistants/${created.body.id}`;
      let renames = 0;
      const put = (ifMatch: string) =>
        api<Problem>('PUT', path, { body: { name: `Renamed ${++renames}` }, headers: { 'if-match': ifMatch } });
      const bad = ['"1', '1"', 'W/"1', 'W/1', '"1"x', '"-1"', '"1", "2"', '""', '"2147483648"', '99999999999'];
      const refused: [string, number][] = [];
      for (const value of bad) refused.push([value, (await put(value)).status]);
      expect(refused).toEqual(bad.map((value) => [value, 400]));
      expectProblem(await put('"1'), 400, 'If-Match');
      const accepted: [string, number, string | null][] = [];
      for (const value of ['"1"', 'W/"2"', '3', '*']) {
        const res = await put(value);
        accepted.push([value, res.status, res.headers.get('etag')]);
      }
      expect(accepted).toEqual([
        ['"1"', 200, '"2"'],
        ['W/"2"', 200, '"3"'],
        ['3', 200, '"4"'],
        ['*', 200, '"5"'],
      ]);
    });
  });

  describe('answers of the HTTP layer itself are problem+json', () => {
    it('414 for a path parameter over the length limit and for a URL over 8 KiB', async () => {
      expectProblem(await api('GET', `/api/v1/assistants/${'a'.repeat(300)}`), 414);
      expectProblem(await api('GET', `/api/v1/assistants?q=${'a'.repeat(9000)}`), 414);
    });

    it('400 for a URL that does not decode, 404 for an unknown route', async () => {
      expectProblem(await api('GET', '/api/v1/assistants/%zz'), 400);
      expectProblem(await api('GET', '/api/v1/nothing-here'), 404);
    });

    it('400 for a malformed request line and 431 for oversized headers', async () => {
      const [malformed] = await rawExchange(port, 'NOT A REQUEST\r\n\r\n');
      expectProblem(malformed, 400);
      const [huge] = await rawExchange(port, `GET /health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`);
      expectProblem(huge, 431);
    });

    it('408 for a body trickled in without a token, within the request timeout', async () => {
      const connection = await RawConnection.open(port);
      const started = Date.now();
      connection.write(
        'POST /api/v1/assistants HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{',
      );
      const drip = setInterval(() => connection.write(' '), 500);
      try {
        const [answer] = await connection.waitFor(1, REQUEST_TIMEOUT_MS + 8000);
        expect(Date.now() - started).toBeLessThan(REQUEST_TIMEOUT_MS + 3000);
        expectProblem(answer, 408);
        await connection.closed;
      } finally {
        clearInterval(drip);
        connection.close();
      }
    });
  });
});
