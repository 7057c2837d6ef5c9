import { shutdownTimeoutMs } from '@platform/messaging';
import { randomBytes } from 'node:crypto';
import { DEFAULT_KEY_CACHE_MS } from './http/api-key-directory';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

export interface GatewayConfig {
  port: number;
  adminToken: string;
  bodyLimitBytes: number;
  rateLimitPerMinute: number;
  unauthenticatedRateLimitPerMinute: number;
  requestTimeoutMs: number;
  shutdownTimeoutMs: number;
  /** How long an answer about an API key is trusted: a revocation reaches this gateway within it. */
  keyCacheMs: number;
  /** Origins whose browser scripts may call the API; `*` for any, none (the default) turns CORS off. */
  corsOrigins: '*' | readonly string[];
  /** The built dashboard served at `/` (DASHBOARD_DIR, default the build beside this app's). */
  dashboardDir: string;
}

/** A setting the gateway refuses to start with; its message is all the operator needs. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

// A body travels on as one NATS message (1 MiB max_payload) with its metadata, re-encoded: keep a margin.
export const MAX_BODY_LIMIT_BYTES = 786_432;

const MIN_ADMIN_TOKEN_LENGTH = 32;
// Example values that get copied into real deployments; the last one is the one k8s/secret.yaml ships.
const PLACEHOLDER_TOKENS = ['change-me', 'changeme', 'replace-me', 'replaceme', 'replace-me-with-a-random-admin-token'];

const int = (name: string, fallback: number, max = Number.MAX_SAFE_INTEGER) => {
  const raw = process.env[name];
  const value = raw === undefined || raw === '' ? fallback : Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new ConfigError(`${name} must be a positive integer, got "${raw}"`);
  if (value > max) throw new ConfigError(`${name} must be at most ${max}, got ${value}`);
  return value;
};

/** The admin token as given, or a ConfigError saying why it must not guard the platform. */
export function checkAdminToken(token: string): string {
  const fix = 'set ADMIN_TOKEN to a random value, e.g. "openssl rand -base64 32", or unset it to have one generated';
  if (PLACEHOLDER_TOKENS.includes(token.trim().toLowerCase())) {
    throw new ConfigError(`ADMIN_TOKEN is the placeholder "${token}": ${fix}`);
  }
  if (token.length < MIN_ADMIN_TOKEN_LENGTH) {
    throw new ConfigError(
      `ADMIN_TOKEN has ${token.length} characters, at least ${MIN_ADMIN_TOKEN_LENGTH} needed: ${fix}`,
    );
  }
  // A bearer token is one run of non-space characters; with a space in it no request could ever present it.
  if (/\s/.test(token)) throw new ConfigError(`ADMIN_TOKEN contains whitespace: ${fix}`);
  return token;
}

/**
 * CORS_ORIGINS: `*`, or comma-separated origins exactly as browsers send them in `Origin` (scheme, host, and the
 * port unless it is the scheme's default): an entry with a path, a trailing slash or capitals would never match.
 */
export function corsOrigins(raw = process.env.CORS_ORIGINS ?? ''): '*' | string[] {
  const entries = raw
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (entries.length === 1 && entries[0] === '*') return '*';
  for (const entry of entries) {
    let origin: string | undefined;
    try {
      origin = new URL(entry).origin;
    } catch {
      // not a URL: reported below
    }
    if (origin !== entry) {
      throw new ConfigError(
        `CORS_ORIGINS must be "*" or comma-separated origins like "https://app.example.com", got "${entry}"` +
          (origin && origin !== 'null' ? ` (did you mean "${origin}"?)` : ''),
      );
    }
  }
  return entries;
}

/**
 * ADMIN_TOKEN from the environment; when unset, the token stored at first start (printed once then).
 * The file lives in the platform's data directory, readable by its owner only.
 */
export function adminToken(log: (line: string) => void = console.log): string {
  if (process.env.ADMIN_TOKEN) return process.env.ADMIN_TOKEN;
  const file = resolve(process.env.ADMIN_TOKEN_FILE ?? '.platform/admin-token');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const token = randomBytes(32).toString('base64url');
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, token + '\n', { mode: 0o600 });
  chmodSync(file, 0o600);
  log(`No ADMIN_TOKEN set: generated one and stored it in ${file}. Admin token (shown once): ${token}`);
  return token;
}

export function loadConfig(): GatewayConfig {
  return {
    port: int('PORT', 3000),
    adminToken: checkAdminToken(adminToken()),
    bodyLimitBytes: int('BODY_LIMIT_BYTES', 524_288, MAX_BODY_LIMIT_BYTES),
    rateLimitPerMinute: int('RATE_LIMIT_PER_MINUTE', 120_000),
    unauthenticatedRateLimitPerMinute: int('UNAUTHENTICATED_RATE_LIMIT_PER_MINUTE', 60),
    requestTimeoutMs: int('REQUEST_TIMEOUT_MS', 10_000),
    shutdownTimeoutMs: shutdownTimeoutMs(), // one reading for the gateway and the services
    keyCacheMs: int('API_KEY_CACHE_MS', DEFAULT_KEY_CACHE_MS, 1_000),
    corsOrigins: corsOrigins(),
    // dist/apps/gateway/src/config.js → dist/apps/dashboard
    dashboardDir: resolve(process.env.DASHBOARD_DIR || resolve(__dirname, '..', '..', 'dashboard')),
  };
}

export const GATEWAY_CONFIG = Symbol('GATEWAY_CONFIG');
