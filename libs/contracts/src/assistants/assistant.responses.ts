import { z } from 'zod';
import { ASSISTANT_STATUSES, ASSISTANT_TYPES, RESPONSE_STYLE_TYPES, TRAIT_CATEGORIES } from './assistant.schemas';

// What the assistants service answers, as it is sent: nullable where null is sent, no defaults or transforms, and
// strict, so a field the service starts sending without a contract saying so fails the e2e contract checks.
// Each named schema (`.meta({ id })`) becomes one component of the OpenAPI document.

const int = z.number().int();
const time = z.iso.datetime();

export const assistantTypeSchema = z.enum(ASSISTANT_TYPES).meta({ id: 'AssistantType' });
export const assistantStatusSchema = z.enum(ASSISTANT_STATUSES).meta({ id: 'AssistantStatus' });

export const personaResponseSchema = z
  .strictObject({
    personality: z.string().optional(),
    tone: z.string().optional(),
    traits: z
      .array(
        z.strictObject({
          name: z.string(),
          category: z.enum(TRAIT_CATEGORIES),
          value: z.union([z.number(), z.string(), z.boolean()]),
          weight: z.number(),
        }),
      )
      .optional(),
    responseStyle: z.strictObject({ type: z.enum(RESPONSE_STYLE_TYPES), formality: int, verbosity: int }).optional(),
    knowledgeDomains: z
      .array(
        z.strictObject({
          name: z.string(),
          expertiseLevel: int,
          topics: z.array(z.string()),
          keywords: z.array(z.string()),
        }),
      )
      .optional(),
    behaviorRules: z
      .array(z.strictObject({ condition: z.string(), action: z.string(), priority: int, mandatory: z.boolean() }))
      .optional(),
  })
  .meta({ id: 'Persona' });

export const configurationResponseSchema = z
  .strictObject({
    model: z.string(),
    temperature: z.number(),
    maxTokens: int,
    contextWindowTokens: int,
    topP: z.number(),
  })
  .meta({ id: 'Configuration' });

export const assistantUsageSchema = z
  .strictObject({
    conversations: int,
    messages: int,
    tokens: int,
    avgResponseTimeMs: z.number().nullable().meta({ description: 'Null until a response time is recorded' }),
    satisfaction: z.number().nullable().meta({ description: 'Mean rating (1–5); null until rated' }),
    ratings: int,
  })
  .meta({ id: 'AssistantUsage' });

const assistantFields = {
  id: z.uuid(),
  slug: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  type: assistantTypeSchema,
  status: assistantStatusSchema,
  tags: z.array(z.string()),
  specialty: z.string().nullable(),
  ownerId: z.string(),
  parentId: z.uuid().nullable().meta({ description: 'The assistant this one was cloned from' }),
  version: int.min(1).meta({ description: 'Stream revision; sent as ETag, expected back in If-Match' }),
  createdAt: time,
  updatedAt: time,
  persona: personaResponseSchema,
  configuration: configurationResponseSchema,
  usage: assistantUsageSchema,
};

export const assistantSchema = z.strictObject(assistantFields).meta({ id: 'Assistant' });

export const searchHitSchema = z
  .strictObject({ ...assistantFields, score: z.number().meta({ description: 'Relevance; higher first' }) })
  .meta({ id: 'SearchHit' });

export const assistantHistoryEntrySchema = z
  .strictObject({
    eventId: z.uuid(),
    type: z.string().meta({ description: 'The event type, e.g. AssistantUpdated' }),
    version: int.min(1),
    occurredAt: time,
    actorId: z.string(),
    correlationId: z.string(),
    change: z.unknown().meta({ description: "The event's data, as the assistants event contract of its type" }),
  })
  .meta({ id: 'AssistantHistoryEntry' });

export const catalogEntrySchema = z
  .strictObject({
    value: z.string(),
    label: z.string(),
    description: z.string(),
    allowedNext: z
      .array(assistantStatusSchema)
      .optional()
      .meta({ description: 'Statuses only: where the lifecycle may go from this one' }),
  })
  .meta({ id: 'CatalogEntry' });
