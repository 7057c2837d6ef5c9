import { deciderSpec } from '@platform/testing';
import type { ApiKeyCommand, CreateApiKey } from './api-key.commands';
import { decideApiKey } from './api-key.decide';
import { ApiKeyAlreadyExistsError, ApiKeyNotFoundError, InvalidApiKeyError } from './api-key.errors';
import type { ApiKeyCreated, ApiKeyEvent, ApiKeyRevoked } from './api-key.events';
import { apiKeyStatus, evolveApiKey, foldApiKey, initialApiKeyState, type ApiKeyState } from './api-key.state';

const spec = deciderSpec<ApiKeyCommand, ApiKeyEvent, ApiKeyState>({
  decide: decideApiKey,
  evolve: evolveApiKey,
  initialState: initialApiKeyState,
});
const keyId = '0190a000-0000-7000-8000-0000000000a1';
const t0 = '2026-01-01T00:00:00.000Z';
const t1 = '2026-01-02T00:00:00.000Z';
const hash = 'ab'.repeat(32);

const create = (data: Partial<CreateApiKey['data']> = {}): CreateApiKey => ({
  type: 'CreateApiKey',
  keyId,
  now: t0,
  secretHash: hash,
  createdBy: 'admin',
  data: { name: 'CI', role: 'editor', ...data },
});
const created: ApiKeyCreated = {
  type: 'ApiKeyCreated',
  data: {
    keyId,
    name: 'CI',
    role: 'editor',
    ownerId: null,
    expiresAt: null,
    rateLimitPerMinute: null,
    secretHash: hash,
    createdBy: 'admin',
    createdAt: t0,
  },
};
const revoked: ApiKeyRevoked = { type: 'ApiKeyRevoked', data: { keyId, revokedAt: t1 } };
const revoke: ApiKeyCommand = { type: 'RevokeApiKey', keyId, now: t1 };

describe('ApiKey decider', () => {
  describe('CreateApiKey', () => {
    it('creates a key with its hash, owner, expiry and own rate limit', () => {
      spec
        .given()
        .when(create({ ownerId: 'team-a', expiresAt: '2026-02-01T01:00:00+01:00', rateLimitPerMinute: 30 }))
        .then([
          {
            ...created,
            data: {
              ...created.data,
              ownerId: 'team-a',
              expiresAt: '2026-02-01T00:00:00.000Z',
              rateLimitPerMinute: 30,
            },
          },
        ]);
    });

    it('leaves owner, expiry and rate limit empty when not given (the role default applies)', () => {
      spec.given().when(create()).then([created]);
    });

    it.each([
      ['now', t0],
      ['in the past', '2025-12-31T23:59:59.000Z'],
    ])('refuses an expiresAt %s, naming the field', (_, expiresAt) => {
      spec.given().when(create({ expiresAt })).thenThrows(InvalidApiKeyError, 'must be in the future');
      expect(() => decideApiKey(create({ expiresAt }), initialApiKeyState)).toThrow(
        expect.objectContaining({ field: 'expiresAt' }),
      );
    });

    it('refuses to create a key whose id exists', () => {
      spec.given([created]).when(create()).thenThrows(ApiKeyAlreadyExistsError);
    });
  });

  describe('RevokeApiKey', () => {
    it('revokes an active key', () => {
      spec.given([created]).when(revoke).then([revoked]);
    });

    it('is idempotent: revoking a revoked key changes nothing', () => {
      spec.given([created, revoked]).when({ ...revoke, now: '2026-01-03T00:00:00.000Z' }).thenNothingHappens();
    });

    it('refuses an unknown key as not found', () => {
      spec.given().when(revoke).thenThrows(ApiKeyNotFoundError, keyId);
    });
  });

  describe('state', () => {
    it('counts a version per event and records the revocation', () => {
      const state = foldApiKey([created, revoked]);
      expect(state).toMatchObject({ kind: 'existing', key: { id: keyId, version: 2, revokedAt: t1 } });
    });

    it('tells active, expired and revoked keys apart', () => {
      const state = foldApiKey([{ ...created, data: { ...created.data, expiresAt: t1 } }]);
      if (state.kind !== 'existing') throw new Error('no key');
      expect(apiKeyStatus(state.key, t0)).toBe('active');
      expect(apiKeyStatus(state.key, t1)).toBe('expired');
      expect(apiKeyStatus({ ...state.key, revokedAt: t0 }, t0)).toBe('revoked');
    });
  });
});
