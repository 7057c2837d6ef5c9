"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.historyQuerySchema = exports.getAssistantQuerySchema = exports.popularAssistantsQuerySchema = exports.searchAssistantsQuerySchema = exports.listAssistantsQuerySchema = exports.recordUsageSchema = exports.cloneAssistantSchema = exports.updateAssistantSchema = exports.createAssistantSchema = exports.configurationSchema = exports.personaSchema = exports.behaviorRuleSchema = exports.knowledgeDomainSchema = exports.responseStyleSchema = exports.traitSchema = exports.RESPONSE_STYLE_TYPES = exports.TRAIT_CATEGORIES = exports.ASSISTANT_STATUSES = exports.ASSISTANT_TYPES = void 0;
const zod_1 = require("zod");
const schemas_1 = require("../common/schemas");
exports.ASSISTANT_TYPES = [
    'general',
    'specialized',
    'conversational',
    'task_oriented',
    'analytical',
    'creative',
    'support',
    'educational',
];
exports.ASSISTANT_STATUSES = ['draft', 'active', 'inactive', 'archived'];
exports.TRAIT_CATEGORIES = ['personality', 'communication', 'expertise', 'behavioral', 'cognitive'];
exports.RESPONSE_STYLE_TYPES = ['formal', 'casual', 'technical', 'creative', 'educational', 'empathetic'];
const text = (max) => zod_1.z.string().max(max);
const slugSchema = zod_1.z
    .string()
    .min(1)
    .max(100)
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'lowercase letters, digits and single hyphens');
const tagsSchema = zod_1.z.array(zod_1.z.string().trim().min(1).max(64)).max(32);
exports.traitSchema = zod_1.z.strictObject({
    name: zod_1.z.string().min(1).max(100),
    category: zod_1.z.enum(exports.TRAIT_CATEGORIES),
    value: zod_1.z.union([zod_1.z.number().min(0).max(100), zod_1.z.string().max(500), zod_1.z.boolean()]),
    weight: zod_1.z.number().min(0).max(10).default(5),
});
exports.responseStyleSchema = zod_1.z.strictObject({
    type: zod_1.z.enum(exports.RESPONSE_STYLE_TYPES),
    formality: zod_1.z.number().int().min(1).max(10),
    verbosity: zod_1.z.number().int().min(1).max(10),
});
exports.knowledgeDomainSchema = zod_1.z.strictObject({
    name: zod_1.z.string().min(1).max(200),
    expertiseLevel: zod_1.z.number().int().min(1).max(10),
    topics: zod_1.z.array(zod_1.z.string().min(1).max(200)).max(100).default([]),
    keywords: zod_1.z.array(zod_1.z.string().min(1).max(100)).max(100).default([]),
});
exports.behaviorRuleSchema = zod_1.z.strictObject({
    condition: zod_1.z.string().min(1).max(1000),
    action: zod_1.z.string().min(1).max(1000),
    priority: zod_1.z.number().int().min(0).max(100).default(50),
    mandatory: zod_1.z.boolean().default(false),
});
exports.personaSchema = zod_1.z.strictObject({
    personality: text(2000).optional(),
    tone: text(200).optional(),
    traits: zod_1.z.array(exports.traitSchema).max(50).optional(),
    responseStyle: exports.responseStyleSchema.optional(),
    knowledgeDomains: zod_1.z.array(exports.knowledgeDomainSchema).max(50).optional(),
    behaviorRules: zod_1.z.array(exports.behaviorRuleSchema).max(100).optional(),
});
exports.configurationSchema = zod_1.z.strictObject({
    model: zod_1.z.string().min(1).max(200).optional(),
    temperature: zod_1.z.number().min(0).max(2).optional(),
    maxTokens: zod_1.z.number().int().min(1).max(1_000_000).optional(),
    contextWindowTokens: zod_1.z.number().int().min(256).max(10_000_000).optional(),
    topP: zod_1.z.number().min(0).max(1).optional(),
});
exports.createAssistantSchema = zod_1.z.strictObject({
    name: zod_1.z.string().trim().min(1).max(255),
    slug: slugSchema.optional(),
    description: text(5000).optional(),
    type: zod_1.z.enum(exports.ASSISTANT_TYPES).default('general'),
    tags: tagsSchema.default([]),
    specialty: text(255).optional(),
    persona: exports.personaSchema.optional(),
    configuration: exports.configurationSchema.optional(),
});
exports.updateAssistantSchema = zod_1.z
    .strictObject({
    name: zod_1.z.string().trim().min(1).max(255),
    slug: slugSchema,
    description: text(5000).nullable(),
    type: zod_1.z.enum(exports.ASSISTANT_TYPES),
    status: zod_1.z.enum(exports.ASSISTANT_STATUSES),
    tags: tagsSchema,
    specialty: text(255).nullable(),
    persona: exports.personaSchema,
    configuration: exports.configurationSchema,
})
    .partial()
    .refine((v) => Object.keys(v).length > 0, { message: 'at least one field to change' });
exports.cloneAssistantSchema = zod_1.z.strictObject({
    name: zod_1.z.string().trim().min(1).max(255).optional(),
    slug: slugSchema.optional(),
});
const counter = zod_1.z.number().int().min(0, 'must not be negative').max(1_000_000_000);
exports.recordUsageSchema = zod_1.z
    .strictObject({
    conversations: counter.optional(),
    messages: counter.optional(),
    tokens: counter.optional(),
    responseTimeMs: zod_1.z.number().min(0, 'must not be negative').max(3_600_000).optional(),
    satisfaction: zod_1.z.number().min(1).max(5).optional(),
})
    .refine((v) => Object.keys(v).length > 0, { message: 'at least one usage figure' });
exports.listAssistantsQuerySchema = zod_1.z.strictObject({
    status: zod_1.z.enum(exports.ASSISTANT_STATUSES).optional(),
    type: zod_1.z.enum(exports.ASSISTANT_TYPES).optional(),
    tag: zod_1.z.string().min(1).max(64).optional(),
    ownerId: zod_1.z.string().min(1).max(200).optional(),
    parentId: schemas_1.uuidSchema.optional(),
    limit: schemas_1.limitSchema,
    cursor: schemas_1.cursorSchema,
});
exports.searchAssistantsQuerySchema = zod_1.z.strictObject({
    q: zod_1.z.string().trim().min(1).max(200),
    type: zod_1.z.enum(exports.ASSISTANT_TYPES).optional(),
    status: zod_1.z.enum(exports.ASSISTANT_STATUSES).optional(),
    tags: zod_1.z.string().min(1).max(2000).optional(), // comma separated, all must match
    limit: schemas_1.limitSchema,
    cursor: schemas_1.cursorSchema,
});
exports.popularAssistantsQuerySchema = zod_1.z.strictObject({ limit: schemas_1.limitSchema, cursor: schemas_1.cursorSchema });
exports.getAssistantQuerySchema = zod_1.z.strictObject({
    version: zod_1.z.coerce.number().int().min(1).max(schemas_1.MAX_VERSION).optional(),
});
exports.historyQuerySchema = zod_1.z.strictObject({ limit: schemas_1.limitSchema, cursor: schemas_1.cursorSchema });
//# sourceMappingURL=assistant.schemas.js.map