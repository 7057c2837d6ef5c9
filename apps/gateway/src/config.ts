import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

export interface GatewayConfig {
  port: number;
  adminToken: string;
  bodyLimitBytes: number;
  rateLimitPerMinute: number;
}

const int = (name: string, fallback: number) => {
  const raw = process.env[name];
  const value = raw === undefined || raw === '' ? fallback : Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer, got "${raw}"`);
  return value;
};

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
    adminToken: adminToken(),
    bodyLimitBytes: 1024 * 1024,
    rateLimitPerMinute: int('RATE_LIMIT_PER_MINUTE', 120_000),
  };
}

export const GATEWAY_CONFIG = Symbol('GATEWAY_CONFIG');
