// Named errors of the Prompt aggregate and its templates; the service maps each to an HTTP status once.
export class PromptAlreadyExistsError extends Error {
  override readonly name = 'PromptAlreadyExistsError';
  constructor(readonly promptId: string) {
    super(`Prompt ${promptId} already exists`);
  }
}

export class PromptNotFoundError extends Error {
  override readonly name = 'PromptNotFoundError';
  constructor(readonly promptId: string) {
    super(`Prompt ${promptId} not found`);
  }
}

export class PromptVersionNotFoundError extends Error {
  override readonly name = 'PromptVersionNotFoundError';
  constructor(
    readonly promptId: string,
    readonly version: number,
  ) {
    super(`Prompt ${promptId} has no version ${version}`);
  }
}

export class PromptLabelNotFoundError extends Error {
  override readonly name = 'PromptLabelNotFoundError';
  constructor(
    readonly promptId: string,
    readonly label: string,
  ) {
    super(`Prompt ${promptId} has no label "${label}"`);
  }
}

export class ReservedLabelError extends Error {
  override readonly name = 'ReservedLabelError';
  constructor(readonly label: string) {
    super(`The label "${label}" always points to the newest version and cannot be moved or removed`);
  }
}

export class InvalidPromptError extends Error {
  override readonly name = 'InvalidPromptError';
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

/** A template that cannot be rendered safely. `line` and `column` are 1-based, as editors count them. */
export class InvalidTemplateError extends Error {
  override readonly name = 'InvalidTemplateError';
  constructor(
    readonly line: number,
    readonly column: number,
    readonly reason: string,
  ) {
    super(`Template error at line ${line}, column ${column}: ${reason}`);
  }
}

/** Every required variable with neither a value nor a default, sorted, so the caller can supply all at once. */
export class MissingVariablesError extends Error {
  override readonly name = 'MissingVariablesError';
  readonly names: string[];
  constructor(names: readonly string[]) {
    const sorted = [...new Set(names)].sort();
    super(`Missing required variables: ${sorted.join(', ')}`);
    this.names = sorted;
  }
}
