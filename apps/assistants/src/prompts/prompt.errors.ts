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
import { problem, type ProblemDetails } from '@platform/contracts';

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

/** Every named error of prompts and links, mapped to its problem document once. */
export function promptProblem(err: unknown): ProblemDetails | undefined {
  if (err instanceof PromptNotFoundError || err instanceof PromptLabelNotFoundError) return problem(404, err.message);
  if (err instanceof PromptVersionNotFoundError) return problem(404, err.message);
  if (err instanceof PromptAlreadyExistsError || err instanceof ReservedLabelError) return problem(409, err.message);
  if (err instanceof PromptNameTakenError)
    return problem(409, err.message, [{ field: 'name', message: 'already in use' }]);
  if (err instanceof InvalidTemplateError) {
    return {
      ...problem(400, err.message, [{ field: 'template', message: err.message }]),
      line: err.line,
      column: err.column,
    };
  }
  if (err instanceof InvalidPromptError) return problem(400, err.message, [{ field: err.field, message: err.message }]);
  if (err instanceof UnresolvablePinError)
    return problem(422, err.message, [{ field: err.field, message: err.message }]);
  if (err instanceof MissingVariablesError) {
    return {
      ...problem(
        422,
        `Missing required variables: ${err.names.join(', ')}`,
        err.names.map((n) => ({ field: `variables.${n}`, message: 'required' })),
      ),
      missing: err.names,
    };
  }
  return undefined;
}
