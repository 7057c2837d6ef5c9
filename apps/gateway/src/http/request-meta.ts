import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { problem, ProblemError, type RequestMeta } from '@platform/contracts';
import { createHash } from 'node:crypto';
import type { AuthenticatedRequest } from './auth.guard';

const header = (req: AuthenticatedRequest, name: string): string | undefined => {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

/** If-Match: "3" (or W/"3", or 3) → 3; `*` means any version. */
export function parseIfMatch(value: string | undefined): number | undefined {
  if (value === undefined || value.trim() === '*') return undefined;
  const match = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(value);
  if (!match) {
    throw new ProblemError(
      problem(400, 'If-Match must be an ETag from a previous response, like "3"', [
        { field: 'If-Match', message: 'not a version ETag' },
      ]),
    );
  }
  return Number(match[1]);
}

export function requestMeta(req: AuthenticatedRequest): RequestMeta {
  const requestId = String(req.id);
  const idempotencyKey = header(req, 'idempotency-key');
  if (idempotencyKey !== undefined && (idempotencyKey.length < 1 || idempotencyKey.length > 255)) {
    throw new ProblemError(
      problem(400, 'Idempotency-Key must be 1–255 characters', [{ field: 'Idempotency-Key', message: 'length 1–255' }]),
    );
  }
  return {
    actorId: req.actorId ?? 'anonymous',
    requestId,
    correlationId: header(req, 'x-correlation-id') ?? requestId,
    idempotencyKey,
    requestHash: idempotencyKey
      ? createHash('sha256')
          .update(`${req.method} ${req.url}\n${JSON.stringify(req.body ?? null)}`)
          .digest('hex')
      : undefined,
    expectedVersion: parseIfMatch(header(req, 'if-match')),
  };
}

/** The caller's identity, ids and preconditions, as they travel with a command over the bus. */
export const Meta = createParamDecorator((_: unknown, ctx: ExecutionContext) =>
  requestMeta(ctx.switchToHttp().getRequest<AuthenticatedRequest>()),
);
