import {
  InvalidPromptError,
  InvalidTemplateError,
  MissingVariablesError,
  PromptAlreadyExistsError,
  PromptLabelNotFoundError,
  PromptNotFoundError,
  PromptVersionNotFoundError,
  ReservedLabelError,
} from '@platform/assistants-domain';
import { onError, type ErrorMapping } from '@platform/messaging';

export class PromptNameTakenError extends Error {
  override readonly name = 'PromptNameTakenError';
  constructor(readonly promptName: string) {
    super(`A prompt named "${promptName}" already exists`);
  }
}

/** A link names a version or label the prompt does not have: well-formed, but it cannot be carried out. */
export class UnresolvablePinError extends Error {
  override readonly name = 'UnresolvablePinError';
  constructor(
    readonly field: 'version' | 'label',
    message: string,
  ) {
    super(message);
  }
}

/** Every named error of prompts and links and its status, mapped once. */
export const promptErrors: readonly ErrorMapping[] = [
  onError(PromptNotFoundError, 404),
  onError(PromptLabelNotFoundError, 404),
  onError(PromptVersionNotFoundError, 404),
  onError(PromptAlreadyExistsError, 409),
  onError(ReservedLabelError, 409),
  onError(PromptNameTakenError, 409, () => ({ errors: [{ field: 'name', message: 'already in use' }] })),
  onError(InvalidTemplateError, 400, (e) => ({
    errors: [{ field: 'template', message: e.message }],
    line: e.line,
    column: e.column,
  })),
  onError(InvalidPromptError, 400, (e) => ({ errors: [{ field: e.field, message: e.message }] })),
  onError(UnresolvablePinError, 422, (e) => ({ errors: [{ field: e.field, message: e.message }] })),
  onError(MissingVariablesError, 422, (e) => ({
    detail: `Missing required variables: ${e.names.join(', ')}`,
    errors: e.names.map((n) => ({ field: `variables.${n}`, message: 'required' })),
    missing: e.names,
  })),
];
