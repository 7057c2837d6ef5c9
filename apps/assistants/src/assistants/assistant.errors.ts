import {
  AssistantAlreadyExistsError,
  AssistantArchivedError,
  AssistantNotFoundError,
  IllegalStatusTransitionError,
  InvalidAssistantError,
} from '@platform/assistants-domain';
import { problem, type ProblemDetails } from '@platform/contracts';

// Errors of the service itself (not of the decider): raised by handlers around it.
export class PreconditionFailedError extends Error {
  override readonly name = 'PreconditionFailedError';
  constructor(
    readonly expected: number,
    readonly actual: number | null,
  ) {
    super(`If-Match expected version ${expected}, but the current version is ${actual ?? 'none'}`);
  }
}

export class SlugTakenError extends Error {
  override readonly name = 'SlugTakenError';
  constructor(readonly slug: string) {
    super(`The slug "${slug}" is already used by another assistant that is not archived`);
  }
}

export class IdempotencyKeyReusedError extends Error {
  override readonly name = 'IdempotencyKeyReusedError';
  constructor(readonly key: string) {
    super(`Idempotency-Key "${key}" was already used with a different request`);
  }
}

export class VersionNotFoundError extends Error {
  override readonly name = 'VersionNotFoundError';
  constructor(
    readonly id: string,
    readonly version: number,
  ) {
    super(`Assistant ${id} has no version ${version}`);
  }
}

/** Every named error of the assistants context, mapped to its problem document once. */
export function assistantProblem(err: unknown): ProblemDetails | undefined {
  if (err instanceof AssistantNotFoundError || err instanceof VersionNotFoundError) return problem(404, err.message);
  if (
    err instanceof AssistantAlreadyExistsError ||
    err instanceof IllegalStatusTransitionError ||
    err instanceof AssistantArchivedError
  ) {
    return problem(409, err.message);
  }
  if (err instanceof SlugTakenError) return problem(409, err.message, [{ field: 'slug', message: 'already in use' }]);
  if (err instanceof PreconditionFailedError) return problem(412, err.message);
  if (err instanceof IdempotencyKeyReusedError) return problem(422, err.message);
  if (err instanceof InvalidAssistantError) return problem(400, err.message, [{ field: err.field, message: err.message }]);
  return undefined;
}
