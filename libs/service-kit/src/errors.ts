import { mapErrors, onError, type ErrorMapper } from '@platform/messaging';

/**
 * The one rule for concurrency answers: 412 when the client's own If-Match no longer matches (it can re-read and
 * retry), 409 when writers raced and the runner gave up retrying (WrongExpectedRevisionError, mapped by the
 * messaging lib). The runner turns the first case into this error; nothing else produces a 412.
 */
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

/** The kit's own errors, mapped once for every service (after the service's table, before the platform's). */
export const kitErrorMapper: ErrorMapper = mapErrors([
  onError(PreconditionFailedError, 412),
  onError(IdempotencyKeyReusedError, 422),
]);
