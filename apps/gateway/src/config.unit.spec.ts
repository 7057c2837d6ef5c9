import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { checkAdminToken, ConfigError, corsOrigins, loadConfig } from './config';

describe('admin token rule', () => {
  it('takes a long random token, such as the generated ones', () => {
    const token = randomBytes(32).toString('base64url');
    expect(checkAdminToken(token)).toBe(token);
    expect(checkAdminToken(`test-token-${randomBytes(16).toString('hex')}`)).toBeTruthy();
  });

  it('refuses a token shorter than 32 characters without echoing it', () => {
    expect(() => checkAdminToken('s3cr3t-but-short')).toThrow(ConfigError);
    expect(() => checkAdminToken('x'.repeat(31))).toThrow(/31 characters, at least 32/);
    expect(() => checkAdminToken('s3cr3t-but-short')).not.toThrow(/s3cr3t/);
  });

  it('refuses the placeholders, whatever their case', () => {
    for (const placeholder of ['change-me', 'CHANGEME', 'replace-me', ' Replace-Me ']) {
      expect(() => checkAdminToken(placeholder)).toThrow(/placeholder/);
    }
  });

  it('refuses the placeholder k8s/secret.yaml ships', () => {
    const secret = parse(readFileSync(join(__dirname, '../../../k8s/secret.yaml'), 'utf8'));
    const shipped: string = secret.stringData.ADMIN_TOKEN;
    expect(() => checkAdminToken(shipped)).toThrow(/placeholder|32 characters/);
    expect(() => checkAdminToken(shipped.toUpperCase())).toThrow();
  });

  it('refuses a token no Authorization header could carry', () => {
    expect(() => checkAdminToken(`${'a'.repeat(20)} ${'b'.repeat(20)}`)).toThrow(/whitespace/);
  });
});

describe('loadConfig', () => {
  const saved = { ...process.env };
  beforeEach(() => {
    process.env.ADMIN_TOKEN = randomBytes(32).toString('base64url');
    for (const name of [
      'BODY_LIMIT_BYTES',
      'REQUEST_TIMEOUT_MS',
      'UNAUTHENTICATED_RATE_LIMIT_PER_MINUTE',
      'SHUTDOWN_TIMEOUT_MS',
      'CORS_ORIGINS',
      'API_KEY_CACHE_MS',
    ])
      delete process.env[name];
  });
  afterAll(() => {
    process.env = saved;
  });

  it('defaults: 512 KiB bodies, 60 unauthenticated requests a minute, 10 s request and shutdown timeouts, no CORS', () => {
    expect(loadConfig()).toMatchObject({
      bodyLimitBytes: 524_288,
      unauthenticatedRateLimitPerMinute: 60,
      requestTimeoutMs: 10_000,
      shutdownTimeoutMs: 10_000,
      corsOrigins: [],
    });
  });

  it('takes BODY_LIMIT_BYTES up to 786432 and refuses more, which would not fit a NATS message', () => {
    process.env.BODY_LIMIT_BYTES = '786432';
    expect(loadConfig().bodyLimitBytes).toBe(786_432);
    process.env.BODY_LIMIT_BYTES = '786433';
    expect(() => loadConfig()).toThrow(new ConfigError('BODY_LIMIT_BYTES must be at most 786432, got 786433'));
  });

  it('trusts an answer about an API key 500 ms by default and never over a second, the revocation promise', () => {
    expect(loadConfig().keyCacheMs).toBe(500);
    process.env.API_KEY_CACHE_MS = '1000';
    expect(loadConfig().keyCacheMs).toBe(1_000);
    process.env.API_KEY_CACHE_MS = '1001';
    expect(() => loadConfig()).toThrow(new ConfigError('API_KEY_CACHE_MS must be at most 1000, got 1001'));
  });

  it('refuses to start with a placeholder admin token', () => {
    process.env.ADMIN_TOKEN = 'changeme';
    expect(() => loadConfig()).toThrow(ConfigError);
  });
});

describe('CORS_ORIGINS', () => {
  it('takes *, or comma-separated origins with a port when not the default', () => {
    expect(corsOrigins('*')).toBe('*');
    expect(corsOrigins(' * ')).toBe('*');
    expect(corsOrigins('')).toEqual([]);
    expect(corsOrigins('https://app.example.com, http://localhost:5173,')).toEqual([
      'https://app.example.com',
      'http://localhost:5173',
    ]);
  });

  it('refuses what no browser sends as Origin, suggesting the origin meant', () => {
    expect(() => corsOrigins('https://app.example.com/')).toThrow(/did you mean "https:\/\/app.example.com"/);
    expect(() => corsOrigins('https://App.example.com')).toThrow(/did you mean "https:\/\/app.example.com"/);
    expect(() => corsOrigins('http://app.example.com:80')).toThrow(/did you mean "http:\/\/app.example.com"/);
    for (const raw of ['app.example.com', '*, https://app.example.com', 'null', 'file:///tmp']) {
      expect(() => corsOrigins(raw)).toThrow(ConfigError);
    }
  });
});
