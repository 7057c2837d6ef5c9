import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { problem, ProblemError, type RequestMeta } from '@platform/contracts';
import { createHash, randomUUID } from 'node:crypto';
import type { AuthenticatedRequest } from './authentication';

const header = (req: AuthenticatedRequest, name: string): string | undefined => {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

// Versions are PostgreSQL integers.
const MAX_VERSION = 2_147_483_647;
// One strong or weak ETag as this gateway sends them ("3"), or the bare number.
const VERSION_ETAG = /^(?:(?:W\/)?"(\d{1,10})"|(\d{1,10}))$/;

/** If-Match: "3" (or W/"3", or 3) → 3; `*` means any version. */
export function parseIfMatch(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  if (trimmed === '*') return undefined;
  const match = VERSION_ETAG.exec(trimmed);
  const version = match ? Number(match[1] ?? match[2]) : NaN;
  if (!(version <= MAX_VERSION)) {
    throw new ProblemError(
      problem(400, 'If-Match must be an ETag from a previous response, like "3"', [
        { field: 'If-Match', message: match ? `a version is at most ${MAX_VERSION}` : 'not a version ETag' },
      ]),
    );
  }
  return version;
}

/**
 * The body as the idempotency hash sees it. A parsed JSON body within the depth limit always serialises; should
 * one not, a value no retry can repeat turns a reused key into a conflict instead of a replay of another answer.
 */
function bodyText(req: AuthenticatedRequest): string {
  try {
    return JSON.stringify(req.body ?? null);
  } catch {
    return randomUUID();
  }
}

export function requestMeta(req: AuthenticatedRequest): RequestMeta {
  const requestId = String(req.id);
  const idempotencyKey = header(req, 'idempotency-key');
  if (idempotencyKey !== undefined && (idempotencyKey.length < 1 || idempotencyKey.length > 255)) {
    throw new ProblemError(
      problem(400, 'Idempotency-Key must be 1–255 characters', [{ field: 'Idempotency-Key', message: 'length 1–255' }]),
    );
  }
  const principal = req.principal;
  return {
    actorId: principal?.actorId ?? 'anonymous',
    ...(principal ? { actorRole: principal.role } : {}),
    ...(principal?.ownerId !== undefined ? { actorOwnerId: principal.ownerId } : {}),
    requestId,
    correlationId: header(req, 'x-correlation-id') ?? requestId,
    idempotencyKey,
    requestHash: idempotencyKey
      ? createHash('sha256')
          .update(`${req.method} ${req.url}\n${bodyText(req)}`)
          .digest('hex')
      : undefined,
    expectedVersion: parseIfMatch(header(req, 'if-match')),
  };
}

/** The caller's identity, ids and preconditions, as they travel with a command over the bus. */
export const Meta = createParamDecorator((_: unknown, ctx: ExecutionContext) =>
  requestMeta(ctx.switchToHttp().getRequest<AuthenticatedRequest>()),
);
