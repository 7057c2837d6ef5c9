import { z } from 'zod';
import { defineUpcaster, type EventContractMap, type EventUpcaster } from '../../common/event-contracts';

// The Assistant aggregate's events as stored and published. Written out here rather than built from the HTTP
// input schemas, even where they look the same: editing a request schema must not retype events already stored.
// They state shapes and the decider's guarantees, not request limits (lengths, list sizes), which may change
// without touching what was stored. Any change of shape is a new schemaVersion with an upcaster from the last.

const id = z.string().min(1);
const time = z.iso.datetime();
const scalar = z.union([z.string(), z.number(), z.boolean()]);

const assistantType = z.enum([
  'general',
  'specialized',
  'conversational',
  'task_oriented',
  'analytical',
  'creative',
  'support',
  'educational',
]);
const assistantStatus = z.enum(['draft', 'active', 'inactive', 'archived']);

const trait = z.strictObject({
  name: z.string(),
  category: z.enum(['personality', 'communication', 'expertise', 'behavioral', 'cognitive']),
  value: z.union([z.number(), z.string(), z.boolean()]),
  weight: z.number(),
});
const responseStyle = z.strictObject({
  type: z.enum(['formal', 'casual', 'technical', 'creative', 'educational', 'empathetic']),
  formality: z.number().int(),
  verbosity: z.number().int(),
});
const knowledgeDomain = z.strictObject({
  name: z.string(),
  expertiseLevel: z.number().int(),
  topics: z.array(z.string()),
  keywords: z.array(z.string()),
});
const behaviorRule = z.strictObject({
  condition: z.string(),
  action: z.string(),
  priority: z.number().int(),
  mandatory: z.boolean(),
});

export const personaEventSchema = z.strictObject({
  personality: z.string().optional(),
  tone: z.string().optional(),
  traits: z.array(trait).optional(),
  responseStyle: responseStyle.optional(),
  knowledgeDomains: z.array(knowledgeDomain).optional(),
  behaviorRules: z.array(behaviorRule).optional(),
});

export const configurationEventSchema = z.strictObject({
  model: z.string(),
  temperature: z.number(),
  maxTokens: z.number().int(),
  contextWindowTokens: z.number().int(),
  topP: z.number(),
});

export const assistantProfileEventSchema = z.strictObject({
  name: z.string().min(1),
  slug: z.string().min(1),
  description: z.string().nullable(),
  type: assistantType,
  tags: z.array(z.string()),
  specialty: z.string().nullable(),
  persona: personaEventSchema,
  configuration: configurationEventSchema,
});

const condition = z.discriminatedUnion('operator', [
  z.strictObject({ variable: z.string(), operator: z.literal('exists') }),
  z.strictObject({ variable: z.string(), operator: z.enum(['eq', 'neq']), value: scalar }),
  z.strictObject({ variable: z.string(), operator: z.literal('in'), value: z.array(scalar) }),
  z.strictObject({ variable: z.string(), operator: z.enum(['gt', 'lt']), value: z.number() }),
]);

/** A prompt linked to an assistant: pinned to a version, or following a label (`latest` by default). */
export const promptLinkEventSchema = z.strictObject({
  promptId: id,
  role: z.enum(['primary', 'secondary', 'fallback']),
  priority: z.number().int(),
  conditions: z.array(condition),
  pin: z.union([z.strictObject({ version: z.number().int().min(1) }), z.strictObject({ label: z.string() })]),
  linkedAt: time,
});

const born = { assistantId: id, ownerId: id, createdAt: time };
const statusChanged = z.strictObject({ assistantId: id, from: assistantStatus, at: time });

const usageFigures = {
  assistantId: id,
  conversations: z.number().min(0),
  messages: z.number().min(0),
  tokens: z.number().min(0),
  /** Mean response time over the responses of this report. */
  responseTimeMs: z.number().min(0).nullable(),
  satisfaction: z.number().min(1).max(5).nullable(),
  at: time,
};

/** v1, as stored until v2: a reader had to know how many responses `responseTimeMs` averaged. */
const assistantUsageRecordedV1 = z.strictObject(usageFigures);

/** v2 says how many responses `responseTimeMs` is the mean of (0 when the report had no time). */
const assistantUsageRecorded = z.strictObject({ ...usageFigures, responseTimeSamples: z.number().min(0) });

export const assistantEventContractMap = {
  AssistantCreated: {
    schemaVersion: 1,
    schema: z.strictObject({ ...assistantProfileEventSchema.shape, ...born }),
  },
  AssistantCloned: {
    schemaVersion: 1,
    schema: z.strictObject({
      ...assistantProfileEventSchema.shape,
      ...born,
      parentId: id,
      parentVersion: z.number().int().min(1),
    }),
  },
  AssistantUpdated: {
    schemaVersion: 1,
    // Only the fields that changed; persona and configuration carry just the keys that changed.
    schema: z.strictObject({
      assistantId: id,
      changes: z
        .strictObject({ ...assistantProfileEventSchema.shape, configuration: configurationEventSchema.partial() })
        .partial(),
      updatedAt: time,
    }),
  },
  AssistantActivated: { schemaVersion: 1, schema: statusChanged },
  AssistantDeactivated: { schemaVersion: 1, schema: statusChanged },
  AssistantArchived: { schemaVersion: 1, schema: statusChanged },
  AssistantUsageRecorded: { schemaVersion: 2, schema: assistantUsageRecorded },
  AssistantPromptLinked: {
    schemaVersion: 1,
    schema: z.strictObject({ assistantId: id, link: promptLinkEventSchema }),
  },
  AssistantPromptLinkUpdated: {
    schemaVersion: 1,
    // The link as it is after the change, so history shows the whole link.
    schema: z.strictObject({ assistantId: id, link: promptLinkEventSchema, at: time }),
  },
  AssistantPromptUnlinked: {
    schemaVersion: 1,
    schema: z.strictObject({ assistantId: id, promptId: id, at: time }),
  },
} as const satisfies EventContractMap;

export const assistantEventUpcasters: readonly EventUpcaster[] = [
  // v1 left the weight of `responseTimeMs` to each reader: an analytics consumer averaging response times over
  // reports had to copy the assistant's own rule or weigh them wrongly. v1 meant exactly that rule — the report's
  // messages, at least one, none without a time — so stored v1 events gain the count it implied.
  defineUpcaster({
    type: 'AssistantUsageRecorded',
    fromVersion: 1,
    from: assistantUsageRecordedV1,
    to: assistantUsageRecorded,
    upcast: (v1) => ({ ...v1, responseTimeSamples: v1.responseTimeMs === null ? 0 : Math.max(1, v1.messages) }),
  }),
];
