import { startIsolatedPlatform, type IsolatedPlatform } from '@platform/testing';
import { client } from './http-client';

describe('rate limits', () => {
  let platform: IsolatedPlatform;

  beforeAll(async () => {
    platform = await startIsolatedPlatform('e2e_rate_limit', { RATE_LIMIT_PER_MINUTE: '5' });
  });
  afterAll(() => platform?.dispose());

  it('answers 429 with Retry-After once a token has used its requests for the minute, and never limits /health', async () => {
    const api = client(platform.baseUrl, platform.token);
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await api('GET', '/api/v1/assistants/types')).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    const limited = await api('GET', '/api/v1/assistants/types');
    expect(limited.status).toBe(429);
    expect(limited.contentType).toContain('application/problem+json');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(limited.body).toMatchObject({ status: 429, title: 'Too many requests' });
    for (let i = 0; i < 3; i++) expect((await api('GET', '/health', { auth: false })).status).toBe(200);
  });
});

describe('rate limit keys', () => {
  const ACTOR_LIMIT = 10;
  const ANONYMOUS_LIMIT = 5;
  let platform: IsolatedPlatform;

  beforeAll(async () => {
    platform = await startIsolatedPlatform('e2e_rate_limit_keys', {
      RATE_LIMIT_PER_MINUTE: String(ACTOR_LIMIT),
      UNAUTHENTICATED_RATE_LIMIT_PER_MINUTE: String(ANONYMOUS_LIMIT),
    });
  });
  afterAll(() => platform?.dispose());

  const types = (authorization?: string) =>
    client(platform.baseUrl, platform.token)('GET', '/api/v1/assistants/types', {
      auth: false,
      headers: authorization === undefined ? {} : { authorization },
    });

  it('gives failed authentication a lower limit per client address: 100 wrong tokens end in 429, as does no token', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 100; i++) statuses.push((await types(`Bearer wrong-token-${i}`)).status);
    expect(statuses).toEqual([...Array(ANONYMOUS_LIMIT).fill(401), ...Array(100 - ANONYMOUS_LIMIT).fill(429)]);
    const none = await types();
    expect([none.status, none.contentType]).toEqual([429, expect.stringContaining('application/problem+json')]);
    expect((await client(platform.baseUrl, '')('GET', '/health', { auth: false })).status).toBe(200);
  });

  it('does not limit a valid token because of failures from the same address', async () => {
    expect((await types(`Bearer ${platform.token}`)).status).toBe(200);
  });

  it('counts every spelling of the same token in one bucket, the authenticated actor', async () => {
    const t = platform.token;
    const spellings = [`Bearer ${t}`, `bearer ${t}`, `BEARER ${t}`, `Bearer  ${t}`, `Bearer\t${t}`, `bEaReR ${t}`];
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await types(spellings[i % spellings.length])).status);
    // One request of the minute went to the previous test.
    expect(statuses).toEqual([...Array(ACTOR_LIMIT - 1).fill(200), ...Array(13 - ACTOR_LIMIT).fill(429)]);
  });
});
