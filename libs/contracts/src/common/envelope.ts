import { z } from 'zod';
import { roleSchema } from '../access/roles';
import { MAX_VERSION } from './schemas';

// What the gateway sends with every request over the bus: who acts, how to correlate, how to be idempotent.
// A schema rather than only a type, so the AsyncAPI document tells other callers on the bus the same.

export const requestMetaSchema = z
  .strictObject({
    actorId: z.string().min(1).meta({ description: 'Who acts: an API key id, or `admin` for the bootstrap token' }),
    actorRole: roleSchema
      .optional()
      .meta({ description: "The acting key's role; absent for the platform's own callers (unrestricted)" }),
    actorOwnerId: z.string().min(1).optional().meta({
      description:
        "The acting key's owner: what the request creates belongs to it (else to actorId); a viewer or editor " +
        'with an owner sees and changes only that owner\'s resources',
    }),
    correlationId: z.string().min(1).meta({ description: 'Carried into the metadata of the events it causes' }),
    requestId: z.string().min(1).meta({ description: 'Recorded as the causationId of the events it causes' }),
    idempotencyKey: z
      .string()
      .min(1)
      .max(255)
      .optional()
      .meta({ description: 'Idempotency-Key of a creating request, scoped to the actor' }),
    requestHash: z.string().optional().meta({
      description:
        'Tells a reused idempotency key with another request apart (the gateway hashes method, path and body)',
    }),
    expectedVersion: z
      .number()
      .int()
      .min(0)
      .max(MAX_VERSION)
      .optional()
      .meta({ description: 'From If-Match: the version the client last saw; another current version is a 412' }),
  })
  .meta({ description: 'Who acts and how to correlate; trusted as sent' });

export type RequestMeta = z.output<typeof requestMetaSchema>;

export interface Envelope<TBody = unknown> {
  meta: RequestMeta;
  body: TBody;
}
