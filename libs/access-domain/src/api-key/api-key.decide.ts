import type { ApiKeyCommand, CreateApiKey, RevokeApiKey } from './api-key.commands';
import { ApiKeyAlreadyExistsError, ApiKeyNotFoundError, InvalidApiKeyError } from './api-key.errors';
import type { ApiKeyEvent } from './api-key.events';
import type { ApiKeyState } from './api-key.state';

export function decideApiKey(command: ApiKeyCommand, state: ApiKeyState): ApiKeyEvent[] {
  switch (command.type) {
    case 'CreateApiKey':
      return create(command, state);
    case 'RevokeApiKey':
      return revoke(command, state);
    default: {
      const unreachable: never = command;
      throw new Error(`Unknown command ${JSON.stringify(unreachable)}`);
    }
  }
}

function create(command: CreateApiKey, state: ApiKeyState): ApiKeyEvent[] {
  if (state.kind !== 'none') throw new ApiKeyAlreadyExistsError(command.keyId);
  const d = command.data;
  // A key born expired could never be used: refuse it rather than store a dead key.
  if (d.expiresAt !== undefined && Date.parse(d.expiresAt) <= Date.parse(command.now)) {
    throw new InvalidApiKeyError('expiresAt', 'must be in the future');
  }
  return [
    {
      type: 'ApiKeyCreated',
      data: {
        keyId: command.keyId,
        name: d.name,
        role: d.role,
        ownerId: d.ownerId ?? null,
        expiresAt: d.expiresAt === undefined ? null : new Date(d.expiresAt).toISOString(),
        rateLimitPerMinute: d.rateLimitPerMinute ?? null,
        secretHash: command.secretHash,
        createdBy: command.createdBy,
        createdAt: command.now,
      },
    },
  ];
}

function revoke(command: RevokeApiKey, state: ApiKeyState): ApiKeyEvent[] {
  if (state.kind === 'none') throw new ApiKeyNotFoundError(command.keyId);
  // Revoking twice changes nothing: the first revocation stands, and a retried DELETE is harmless.
  if (state.key.revokedAt !== null) return [];
  return [{ type: 'ApiKeyRevoked', data: { keyId: command.keyId, revokedAt: command.now } }];
}
