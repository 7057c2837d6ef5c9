import { z } from 'zod';
import { roleSchema } from './roles';

const time = z.iso.datetime({ offset: true });
const int = z.number().int();

const apiKeyFields = {
  id: z.uuid(),
  name: z.string(),
  role: roleSchema,
  ownerId: z.string().nullable(),
  status: z.enum(['active', 'revoked', 'expired']),
  rateLimitPerMinute: int.min(1).meta({ description: "This key's limit: its own, or its role's default" }),
  expiresAt: time.nullable(),
  createdAt: time,
  createdBy: z.string().meta({ description: 'The actor that created the key' }),
  revokedAt: time.nullable(),
  version: int.min(1).meta({ description: 'Stream revision; sent as ETag' }),
};

/** An API key as listed: never its secret. */
export const apiKeySchema = z.strictObject(apiKeyFields).meta({ id: 'ApiKey' });

/** The answer to creating a key: the only time its secret is shown. */
export const createdApiKeySchema = z
  .strictObject({
    ...apiKeyFields,
    secret: z.string().meta({
      description: 'The bearer token of this key (pk_live_…). Shown this once: store it now, it cannot be read again',
    }),
  })
  .meta({ id: 'CreatedApiKey' });

/** Who a bearer token is: what the gateway needs to authorise and rate-limit a request. */
export const principalSchema = z
  .strictObject({
    keyId: z.uuid(),
    role: roleSchema,
    ownerId: z.string().nullable(),
    rateLimitPerMinute: int.min(1),
    expiresAt: time.nullable(),
  })
  .meta({ id: 'Principal' });

export const auditEntrySchema = z
  .strictObject({
    eventId: z.uuid(),
    at: time.meta({ description: 'When the change happened' }),
    action: z.string().meta({ description: 'What happened: the event type, e.g. AssistantUpdated' }),
    resource: z.string().meta({ description: 'The id of what changed' }),
    resourceType: z.string().meta({ description: 'Its kind: the stream category, e.g. assistant' }),
    actorId: z.string().meta({ description: 'Who: an API key id, or admin' }),
    actorOwnerId: z.string().nullable().meta({ description: "The acting key's owner" }),
    actorRole: roleSchema.nullable(),
    requestId: z.string().nullable(),
    correlationId: z.string().nullable(),
  })
  .meta({ id: 'AuditEntry' });

export type ApiKeyDto = z.output<typeof apiKeySchema>;
export type CreatedApiKeyDto = z.output<typeof createdApiKeySchema>;
export type PrincipalDto = z.output<typeof principalSchema>;
export type AuditEntryDto = z.output<typeof auditEntrySchema>;
