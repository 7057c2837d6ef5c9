// Named domain errors; the service maps each to a status once, at the edge.

export class ApiKeyNotFoundError extends Error {
  override readonly name = 'ApiKeyNotFoundError';
  constructor(readonly keyId: string) {
    super(`API key ${keyId} not found`);
  }
}

export class ApiKeyAlreadyExistsError extends Error {
  override readonly name = 'ApiKeyAlreadyExistsError';
  constructor(readonly keyId: string) {
    super(`API key ${keyId} already exists`);
  }
}

/** A field of a new key that cannot be accepted as given (422). */
export class InvalidApiKeyError extends Error {
  override readonly name = 'InvalidApiKeyError';
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}
