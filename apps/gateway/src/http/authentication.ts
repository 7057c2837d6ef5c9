import { problem, type ProblemDetails } from '@platform/contracts';
import type { FastifyRequest } from 'fastify';
import { createHash, timingSafeEqual } from 'node:crypto';

export interface AuthenticatedRequest extends FastifyRequest {
  /** Who is calling, when the bearer token is valid. */
  actorId?: string;
  /** Why there is no actor: the 401 a protected route answers. */
  authFailure?: ProblemDetails;
}

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
      return;
    }
    request.actorId = 'admin';
  };
}
