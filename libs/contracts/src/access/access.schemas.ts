import { z } from 'zod';
import { cursorSchema, limitSchema } from '../common/schemas';
import { roleSchema } from './roles';

const owner = z.string().trim().min(1).max(200);
const futureTime = z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date-time' });

export const createApiKeySchema = z
  .strictObject({
    name: z.string().trim().min(1).max(100),
    role: roleSchema,
    ownerId: owner.optional().meta({
      description: 'What the key creates belongs to this owner; a viewer or editor key sees only its resources',
    }),
    expiresAt: futureTime.optional().meta({ description: 'After this instant the key is refused (401)' }),
    rateLimitPerMinute: z
      .number()
      .int()
      .min(1)
      .max(1_000_000)
      .optional()
      .meta({ description: "Requests per minute; the role's default when absent" }),
  })
  .meta({ id: 'CreateApiKey' });

export const listApiKeysQuerySchema = z.strictObject({
  role: roleSchema.optional(),
  ownerId: owner.optional(),
  status: z.enum(['active', 'revoked', 'expired']).optional(),
  limit: limitSchema,
  cursor: cursorSchema,
});

/** Internal: the bearer token as the gateway received it. */
export const authenticateSchema = z.strictObject({ token: z.string().min(1).max(512) });

const time = z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date-time' });
const filter = z.string().trim().min(1).max(200);

export const auditQuerySchema = z.strictObject({
  actorId: filter.optional().meta({ description: 'Changes made by this actor (an API key id, or admin)' }),
  resource: filter.optional().meta({ description: 'Changes of this resource (its id)' }),
  action: filter.optional().meta({ description: 'Changes of this kind: an event type such as AssistantCreated' }),
  from: time.optional().meta({ description: 'At or after this instant' }),
  to: time.optional().meta({ description: 'Before this instant' }),
  limit: limitSchema,
  cursor: cursorSchema,
});

export type CreateApiKeyInput = z.output<typeof createApiKeySchema>;
export type ListApiKeysQuery = z.output<typeof listApiKeysQuerySchema>;
export type AuditQuery = z.output<typeof auditQuerySchema>;
