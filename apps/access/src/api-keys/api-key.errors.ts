import { ApiKeyAlreadyExistsError, ApiKeyNotFoundError, InvalidApiKeyError } from '@platform/access-domain';
import { onError, type ErrorMapping } from '@platform/messaging';

/**
 * A bearer token that does not authenticate: unknown, malformed, wrong secret, revoked or expired all read the
 * same, and the message never repeats the token, so neither the answer nor a log line leaks or confirms anything.
 */
export class UnauthenticatedError extends Error {
  override readonly name = 'UnauthenticatedError';
  constructor() {
    super('The API key is not valid');
  }
}

/** Every named error of the access context and its status, mapped once. */
export const apiKeyErrors: readonly ErrorMapping[] = [
  onError(ApiKeyNotFoundError, 404),
  onError(ApiKeyAlreadyExistsError, 409),
  onError(InvalidApiKeyError, 422, (e) => ({ errors: [{ field: e.field, message: e.message }] })),
  onError(UnauthenticatedError, 401),
];
