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
import { onError, type ErrorMapping } from '@platform/messaging';

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

/** Every named error of the assistants context and its status, mapped once. */
export const assistantErrors: readonly ErrorMapping[] = [
  onError(AssistantNotFoundError, 404),
  onError(VersionNotFoundError, 404),
  onError(PromptLinkNotFoundError, 404),
  onError(AssistantAlreadyExistsError, 409),
  onError(IllegalStatusTransitionError, 409),
  onError(AssistantArchivedError, 409),
  onError(PrimaryPromptExistsError, 409),
  onError(PromptAlreadyLinkedError, 409),
  onError(SlugTakenError, 409, () => ({ errors: [{ field: 'slug', message: 'already in use' }] })),
  onError(InvalidAssistantError, 400, (e) => ({ errors: [{ field: e.field, message: e.message }] })),
];
