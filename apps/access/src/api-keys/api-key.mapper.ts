import { apiKeyStatus, type ApiKey } from '@platform/access-domain';
import { DEFAULT_RATE_LIMITS, type ApiKeyDto } from '@platform/contracts';

/** The key as callers see it: never its secret or the secret's hash. Its status depends on the time of asking. */
export function toApiKeyDto(key: ApiKey, now = new Date().toISOString()): ApiKeyDto {
  return {
    id: key.id,
    name: key.name,
    role: key.role,
    ownerId: key.ownerId,
    status: apiKeyStatus(key, now),
    rateLimitPerMinute: rateLimitOf(key),
    expiresAt: key.expiresAt,
    createdAt: key.createdAt,
    createdBy: key.createdBy,
    revokedAt: key.revokedAt,
    version: key.version,
  };
}

export const rateLimitOf = (key: ApiKey): number => key.rateLimitPerMinute ?? DEFAULT_RATE_LIMITS[key.role];
