import { problem, type ProblemDetails } from '@platform/contracts';

// Errors of the service's own machinery (not of a decider), shared by every aggregate it hosts.
export class PreconditionFailedError extends Error {
  override readonly name = 'PreconditionFailedError';
  constructor(
    readonly expected: number,
    readonly actual: number | null,
  ) {
    super(`If-Match expected version ${expected}, but the current version is ${actual ?? 'another one'}`);
  }
}

export class IdempotencyKeyReusedError extends Error {
  override readonly name = 'IdempotencyKeyReusedError';
  constructor(readonly key: string) {
    super(`Idempotency-Key "${key}" was already used with a different request`);
  }
}

export function sharedProblem(err: unknown): ProblemDetails | undefined {
  if (err instanceof PreconditionFailedError) return problem(412, err.message);
  if (err instanceof IdempotencyKeyReusedError) return problem(422, err.message);
  return undefined;
}

/** The value a unique index refused, when `err` is a violation of `constraint`. */
export function uniqueViolation(err: unknown, constraint: string): string | undefined {
  const e = err as { code?: string; constraint?: string; detail?: string };
  if (e?.code !== '23505' || e.constraint !== constraint) return undefined;
  return /\)=\((.*)\) already exists/.exec(e.detail ?? '')?.[1] ?? '';
}
