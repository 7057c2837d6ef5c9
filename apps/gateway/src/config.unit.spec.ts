import { randomBytes } from 'node:crypto';
import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  const saved = { ...process.env };
  beforeEach(() => {
    process.env.ADMIN_TOKEN = randomBytes(32).toString('base64url');
    for (const name of ['BODY_LIMIT_BYTES', 'REQUEST_TIMEOUT_MS', 'UNAUTHENTICATED_RATE_LIMIT_PER_MINUTE'])
      delete process.env[name];
  });
  afterAll(() => {
    process.env = saved;
  });

  it('defaults: 512 KiB bodies, 60 unauthenticated requests a minute, a 10 s request timeout', () => {
    expect(loadConfig()).toMatchObject({
      bodyLimitBytes: 524_288,
      unauthenticatedRateLimitPerMinute: 60,
      requestTimeoutMs: 10_000,
    });
  });

  it('takes BODY_LIMIT_BYTES up to 786432 and refuses more, which would not fit a NATS message', () => {
    process.env.BODY_LIMIT_BYTES = '786432';
    expect(loadConfig().bodyLimitBytes).toBe(786_432);
    process.env.BODY_LIMIT_BYTES = '786433';
    expect(() => loadConfig()).toThrow(new ConfigError('BODY_LIMIT_BYTES must be at most 786432, got 786433'));
  });
});
