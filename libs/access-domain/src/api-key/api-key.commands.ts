import type { Role } from '@platform/contracts';

// Time, ids and the secret's hash arrive in the command: the decider never reads a clock, a random source or a key.

export interface CreateApiKey {
  type: 'CreateApiKey';
  keyId: string;
  now: string;
  /** HMAC-SHA256 of the secret under the service's key, hex; the secret itself never reaches the domain. */
  secretHash: string;
  /** The actor creating the key. */
  createdBy: string;
  data: {
    name: string;
    role: Role;
    ownerId?: string;
    expiresAt?: string;
    rateLimitPerMinute?: number;
  };
}

export interface RevokeApiKey {
  type: 'RevokeApiKey';
  keyId: string;
  now: string;
}

export type ApiKeyCommand = CreateApiKey | RevokeApiKey;
