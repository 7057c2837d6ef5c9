import { z } from 'zod';
import type { EventContractMap } from '../../common/event-contracts';
import { roleSchema } from '../roles';

// The ApiKey aggregate's events as stored and published. The secret itself is never in an event: only its keyed
// hash, which cannot be turned back into the secret without the service's key.

const id = z.string().min(1);
const time = z.iso.datetime({ offset: true });

export const apiKeyEventContractMap = {
  ApiKeyCreated: {
    schemaVersion: 1,
    schema: z.strictObject({
      keyId: id,
      name: z.string().min(1),
      role: roleSchema,
      ownerId: z.string().nullable(),
      expiresAt: time.nullable(),
      rateLimitPerMinute: z.number().int().min(1).nullable(),
      secretHash: z.string().regex(/^[0-9a-f]{64}$/).meta({ description: 'HMAC-SHA256 of the secret, hex' }),
      createdBy: id,
      createdAt: time,
    }),
  },
  ApiKeyRevoked: {
    schemaVersion: 1,
    schema: z.strictObject({ keyId: id, revokedAt: time }),
  },
} satisfies EventContractMap;
