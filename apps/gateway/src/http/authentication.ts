import { problem, type ProblemDetails } from '@platform/contracts';
import type { FastifyRequest } from 'fastify';
import { createHash, timingSafeEqual } from 'node:crypto';

export interface AuthenticatedRequest extends FastifyRequest {
  /** Who is calling, when the bearer token is valid. */
  actorId?: string;
  /** Why there is no actor: the 401 a protected route answers. */
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

/**
 * `authenticate(request)` checks the bearer token once, in an onRequest hook ahead of the rate limiter, so the
 * limiter keys on who is calling rather than on how the header is spelled. The admin token is the actor `admin`.
 */
export function createAuthenticate(adminToken: string): (request: AuthenticatedRequest) => void {
  const admin = digest(adminToken);
  return (request) => {
    const match = BEARER.exec(request.headers.authorization ?? '');
    if (!match) {
      request.authFailure = problem(401, 'Send Authorization: Bearer <token>');
      return;
    }
    // Compare digests so the comparison takes the same time whatever the token's length.
    if (!timingSafeEqual(digest(match[1]), admin)) {
      request.authFailure = problem(401, 'The token is not valid');
      request.authChallenge = INVALID_TOKEN;
      return;
    }
    request.actorId = 'admin';
  };
}
