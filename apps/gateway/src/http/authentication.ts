import { API_KEY_PREFIX, problem, type ProblemDetails, type Role } from '@platform/contracts';
import type { FastifyRequest } from 'fastify';
import { createHash, timingSafeEqual } from 'node:crypto';
import type { ApiKeyDirectory } from './api-key-directory';

/** Who is calling: the bootstrap admin, or an API key with its role, owner and rate limit. */
export interface Principal {
  actorId: string;
  role: Role;
  ownerId?: string;
  rateLimitPerMinute: number;
  /** When the key stops working (ms since the epoch). */
  expiresAt?: number;
}

export interface AuthenticatedRequest extends FastifyRequest {
  /** Who is calling, when the bearer token is valid. */
  principal?: Principal;
  /** Why there is no principal: the 401 (or 503, when keys cannot be checked now) a protected route answers. */
  authFailure?: ProblemDetails;
  /** The WWW-Authenticate challenge that 401 carries, when not the plain one (see `bearerChallenge`). */
  authChallenge?: string;
}

// RFC 6750 §3: no error code when the request had no bearer token at all, `invalid_token` when it had a bad one.
const CHALLENGE = 'Bearer realm="api"';
const INVALID_TOKEN = `${CHALLENGE}, error="invalid_token"`;

/** The challenge for a 401 to this request, whoever answered it. */
export const bearerChallenge = (request: AuthenticatedRequest): string => request.authChallenge ?? CHALLENGE;

const BEARER = /^Bearer\s+(\S+)\s*$/i;
const digest = (s: string) => createHash('sha256').update(s).digest();

/** The problem of a token that is not (or no longer) valid; it never repeats the token. */
export const invalidToken = (): ProblemDetails => problem(401, 'The token is not valid');

/**
 * `authenticate(request)` checks the bearer token once, in an onRequest hook ahead of the rate limiter, so the
 * limiter keys on who is calling rather than on how the header is spelled. The admin token is the actor `admin`
 * with the admin role; a `pk_live_…` token is looked up in the API key directory.
 */
export function createAuthenticate(
  adminToken: string,
  adminRateLimitPerMinute: number,
  keys: ApiKeyDirectory,
): (request: AuthenticatedRequest) => Promise<void> {
  const admin = digest(adminToken);
  const refuse = (request: AuthenticatedRequest, failure: ProblemDetails) => {
    request.authFailure = failure;
    if (failure.status === 401) request.authChallenge = INVALID_TOKEN;
  };
  return async (request) => {
    const match = BEARER.exec(request.headers.authorization ?? '');
    if (!match) {
      request.authFailure = problem(401, 'Send Authorization: Bearer <token>');
      return;
    }
    const token = match[1];
    const tokenDigest = digest(token);
    // Compare digests so the comparison takes the same time whatever the token's length.
    if (timingSafeEqual(tokenDigest, admin)) {
      request.principal = { actorId: 'admin', role: 'admin', rateLimitPerMinute: adminRateLimitPerMinute };
      return;
    }
    if (!token.startsWith(API_KEY_PREFIX)) {
      refuse(request, invalidToken());
      return;
    }
    const found = await keys.principal(token, tokenDigest);
    if ('failure' in found) refuse(request, found.failure);
    else request.principal = found.principal;
  };
}
