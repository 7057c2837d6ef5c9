import {
  AssistantAlreadyExistsError,
  AssistantArchivedError,
  AssistantNotFoundError,
  IllegalStatusTransitionError,
  InvalidAssistantError,
  PrimaryPromptExistsError,
  PromptAlreadyLinkedError,
  PromptLinkNotFoundError,
} from '@platform/assistants-domain';
import { problem, type ProblemDetails } from '@platform/contracts';

// Errors of the assistants slice outside the decider.
export class SlugTakenError extends Error {
  override readonly name = 'SlugTakenError';
  constructor(readonly slug: string) {
    super(`The slug "${slug}" is already used by another assistant that is not archived`);
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
  if (
    err instanceof AssistantNotFoundError ||
    err instanceof VersionNotFoundError ||
    err instanceof PromptLinkNotFoundError
  ) {
    return problem(404, err.message);
  }
  if (
    err instanceof AssistantAlreadyExistsError ||
    err instanceof IllegalStatusTransitionError ||
    err instanceof AssistantArchivedError ||
    err instanceof PrimaryPromptExistsError ||
    err instanceof PromptAlreadyLinkedError
  ) {
    return problem(409, err.message);
  }
  if (err instanceof SlugTakenError) return problem(409, err.message, [{ field: 'slug', message: 'already in use' }]);
  if (err instanceof InvalidAssistantError)
    return problem(400, err.message, [{ field: err.field, message: err.message }]);
  return undefined;
}
