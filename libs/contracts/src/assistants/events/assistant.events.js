"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.assistantEventUpcasters = exports.assistantEventContractMap = exports.promptLinkEventSchema = exports.assistantProfileEventSchema = exports.configurationEventSchema = exports.personaEventSchema = void 0;
const zod_1 = require("zod");
const event_contracts_1 = require("../../common/event-contracts");
// The Assistant aggregate's events as stored and published. Written out here rather than built from the HTTP
// input schemas, even where they look the same: editing a request schema must not retype events already stored.
// They state shapes and the decider's guarantees, not request limits (lengths, list sizes), which may change
// without touching what was stored. Any change of shape is a new schemaVersion with an upcaster from the last.
const id = zod_1.z.string().min(1);
const time = zod_1.z.iso.datetime();
const scalar = zod_1.z.union([zod_1.z.string(), zod_1.z.number(), zod_1.z.boolean()]);
const assistantType = zod_1.z.enum([
    'general',
    'specialized',
    'conversational',
    'task_oriented',
    'analytical',
    'creative',
    'support',
    'educational',
]);
const assistantStatus = zod_1.z.enum(['draft', 'active', 'inactive', 'archived']);
const trait = zod_1.z.strictObject({
    name: zod_1.z.string(),
    category: zod_1.z.enum(['personality', 'communication', 'expertise', 'behavioral', 'cognitive']),
    value: zod_1.z.union([zod_1.z.number(), zod_1.z.string(), zod_1.z.boolean()]),
    weight: zod_1.z.number(),
});
const responseStyle = zod_1.z.strictObject({
    type: zod_1.z.enum(['formal', 'casual', 'technical', 'creative', 'educational', 'empathetic']),
    formality: zod_1.z.number().int(),
    verbosity: zod_1.z.number().int(),
});
const knowledgeDomain = zod_1.z.strictObject({
    name: zod_1.z.string(),
    expertiseLevel: zod_1.z.number().int(),
    topics: zod_1.z.array(zod_1.z.string()),
    keywords: zod_1.z.array(zod_1.z.string()),
});
const behaviorRule = zod_1.z.strictObject({
    condition: zod_1.z.string(),
    action: zod_1.z.string(),
    priority: zod_1.z.number().int(),
    mandatory: zod_1.z.boolean(),
});
exports.personaEventSchema = zod_1.z.strictObject({
    personality: zod_1.z.string().optional(),
    tone: zod_1.z.string().optional(),
    traits: zod_1.z.array(trait).optional(),
    responseStyle: responseStyle.optional(),
    knowledgeDomains: zod_1.z.array(knowledgeDomain).optional(),
    behaviorRules: zod_1.z.array(behaviorRule).optional(),
});
exports.configurationEventSchema = zod_1.z.strictObject({
    model: zod_1.z.string(),
    temperature: zod_1.z.number(),
    maxTokens: zod_1.z.number().int(),
    contextWindowTokens: zod_1.z.number().int(),
    topP: zod_1.z.number(),
});
exports.assistantProfileEventSchema = zod_1.z.strictObject({
    name: zod_1.z.string().min(1),
    slug: zod_1.z.string().min(1),
    description: zod_1.z.string().nullable(),
    type: assistantType,
    tags: zod_1.z.array(zod_1.z.string()),
    specialty: zod_1.z.string().nullable(),
    persona: exports.personaEventSchema,
    configuration: exports.configurationEventSchema,
});
const condition = zod_1.z.discriminatedUnion('operator', [
    zod_1.z.strictObject({ variable: zod_1.z.string(), operator: zod_1.z.literal('exists') }),
    zod_1.z.strictObject({ variable: zod_1.z.string(), operator: zod_1.z.enum(['eq', 'neq']), value: scalar }),
    zod_1.z.strictObject({ variable: zod_1.z.string(), operator: zod_1.z.literal('in'), value: zod_1.z.array(scalar) }),
    zod_1.z.strictObject({ variable: zod_1.z.string(), operator: zod_1.z.enum(['gt', 'lt']), value: zod_1.z.number() }),
]);
/** A prompt linked to an assistant: pinned to a version, or following a label (`latest` by default). */
exports.promptLinkEventSchema = zod_1.z.strictObject({
    promptId: id,
    role: zod_1.z.enum(['primary', 'secondary', 'fallback']),
    priority: zod_1.z.number().int(),
    conditions: zod_1.z.array(condition),
    pin: zod_1.z.union([zod_1.z.strictObject({ version: zod_1.z.number().int().min(1) }), zod_1.z.strictObject({ label: zod_1.z.string() })]),
    linkedAt: time,
});
const born = { assistantId: id, ownerId: id, createdAt: time };
const statusChanged = zod_1.z.strictObject({ assistantId: id, from: assistantStatus, at: time });
const usageFigures = {
    assistantId: id,
    conversations: zod_1.z.number().min(0),
    messages: zod_1.z.number().min(0),
    tokens: zod_1.z.number().min(0),
    /** Mean response time over the responses of this report. */
    responseTimeMs: zod_1.z.number().min(0).nullable(),
    satisfaction: zod_1.z.number().min(1).max(5).nullable(),
    at: time,
};
/** v1, as stored until v2: a reader had to know how many responses `responseTimeMs` averaged. */
const assistantUsageRecordedV1 = zod_1.z.strictObject(usageFigures);
/** v2 says how many responses `responseTimeMs` is the mean of (0 when the report had no time). */
const assistantUsageRecorded = zod_1.z.strictObject({ ...usageFigures, responseTimeSamples: zod_1.z.number().min(0) });
exports.assistantEventContractMap = {
    AssistantCreated: {
        schemaVersion: 1,
        schema: zod_1.z.strictObject({ ...exports.assistantProfileEventSchema.shape, ...born }),
    },
    AssistantCloned: {
        schemaVersion: 1,
        schema: zod_1.z.strictObject({
            ...exports.assistantProfileEventSchema.shape,
            ...born,
            parentId: id,
            parentVersion: zod_1.z.number().int().min(1),
        }),
    },
    AssistantUpdated: {
        schemaVersion: 1,
        // Only the fields that changed; persona and configuration carry just the keys that changed.
        schema: zod_1.z.strictObject({
            assistantId: id,
            changes: zod_1.z
                .strictObject({ ...exports.assistantProfileEventSchema.shape, configuration: exports.configurationEventSchema.partial() })
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
        schema: zod_1.z.strictObject({ assistantId: id, link: exports.promptLinkEventSchema }),
    },
    AssistantPromptLinkUpdated: {
        schemaVersion: 1,
        // The link as it is after the change, so history shows the whole link.
        schema: zod_1.z.strictObject({ assistantId: id, link: exports.promptLinkEventSchema, at: time }),
    },
    AssistantPromptUnlinked: {
        schemaVersion: 1,
        schema: zod_1.z.strictObject({ assistantId: id, promptId: id, at: time }),
    },
};
exports.assistantEventUpcasters = [
    // v1 left the weight of `responseTimeMs` to each reader: an analytics consumer averaging response times over
    // reports had to copy the assistant's own rule or weigh them wrongly. v1 meant exactly that rule — the report's
    // messages, at least one, none without a time — so stored v1 events gain the count it implied.
    (0, event_contracts_1.defineUpcaster)({
        type: 'AssistantUsageRecorded',
        fromVersion: 1,
        from: assistantUsageRecordedV1,
        to: assistantUsageRecorded,
        upcast: (v1) => ({ ...v1, responseTimeSamples: v1.responseTimeMs === null ? 0 : Math.max(1, v1.messages) }),
    }),
];
//# sourceMappingURL=assistant.events.js.map