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
