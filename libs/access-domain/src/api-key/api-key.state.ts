import type { Role } from '@platform/contracts';
import type { ApiKeyEvent } from './api-key.events';

export interface ApiKey {
  id: string;
  name: string;
  role: Role;
  ownerId: string | null;
  expiresAt: string | null;
  /** The key's own limit; null means its role's default. */
  rateLimitPerMinute: number | null;
  secretHash: string;
  createdBy: string;
  createdAt: string;
  revokedAt: string | null;
  /** The stream revision, counted one per event. */
  version: number;
}

export type ApiKeyState = { kind: 'none' } | { kind: 'existing'; key: ApiKey };

export const initialApiKeyState: ApiKeyState = { kind: 'none' };

export function evolveApiKey(state: ApiKeyState, event: ApiKeyEvent): ApiKeyState {
  switch (event.type) {
    case 'ApiKeyCreated': {
      const { keyId, ...d } = event.data;
      return { kind: 'existing', key: { id: keyId, ...d, revokedAt: null, version: 1 } };
    }
    case 'ApiKeyRevoked':
      if (state.kind === 'none') return state;
      return { kind: 'existing', key: { ...state.key, revokedAt: event.data.revokedAt, version: state.key.version + 1 } };
    default: {
      const unreachable: never = event;
      return unreachable;
    }
  }
}

export function foldApiKey(events: readonly ApiKeyEvent[], from: ApiKeyState = initialApiKeyState): ApiKeyState {
  return events.reduce(evolveApiKey, from);
}

/** Whether the key authenticates at `now`: neither revoked nor expired. */
export function apiKeyStatus(key: ApiKey, now: string): 'active' | 'revoked' | 'expired' {
  if (key.revokedAt !== null) return 'revoked';
  if (key.expiresAt !== null && Date.parse(key.expiresAt) <= Date.parse(now)) return 'expired';
  return 'active';
}
