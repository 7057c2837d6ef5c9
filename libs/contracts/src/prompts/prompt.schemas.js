"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.systemPromptRequestSchema = exports.suggestionsQuerySchema = exports.updatePromptLinkSchema = exports.linkPromptSchema = exports.conditionSchema = exports.promptVersionsQuerySchema = exports.listPromptsQuerySchema = exports.getPromptQuerySchema = exports.movePromptLabelSchema = exports.revisePromptSchema = exports.createPromptSchema = exports.promptVariableSchema = exports.LATEST_LABEL = exports.CONDITION_OPERATORS = exports.PROMPT_LINK_ROLES = void 0;
const zod_1 = require("zod");
const schemas_1 = require("../common/schemas");
exports.PROMPT_LINK_ROLES = ['primary', 'secondary', 'fallback'];
exports.CONDITION_OPERATORS = ['eq', 'neq', 'in', 'exists', 'gt', 'lt'];
exports.LATEST_LABEL = 'latest';
const variableName = zod_1.z
    .string()
    .regex(/^[A-Za-z_][A-Za-z0-9_]{0,63}$/, 'a letter or _ then letters, digits or _ (max 64)');
const labelSchema = zod_1.z
    .string()
    .regex(/^[a-z0-9][a-z0-9._-]{0,62}$/, 'lowercase letters, digits, ".", "_" or "-" (max 63)');
const scalar = zod_1.z.union([zod_1.z.string().max(10_000), zod_1.z.number(), zod_1.z.boolean()]);
exports.promptVariableSchema = zod_1.z.strictObject({
    name: variableName,
    required: zod_1.z.boolean().default(true),
    default: scalar.optional(),
    description: zod_1.z.string().max(1000).optional(),
});
exports.createPromptSchema = zod_1.z.strictObject({
    name: zod_1.z.string().trim().min(1).max(255),
    description: zod_1.z.string().max(5000).optional(),
    tags: zod_1.z.array(zod_1.z.string().trim().min(1).max(64)).max(32).default([]),
    template: zod_1.z.string().min(1).max(100_000),
    variables: zod_1.z.array(exports.promptVariableSchema).max(100).default([]),
});
exports.revisePromptSchema = zod_1.z
    .strictObject({
    name: zod_1.z.string().trim().min(1).max(255),
    description: zod_1.z.string().max(5000).nullable(),
    tags: zod_1.z.array(zod_1.z.string().trim().min(1).max(64)).max(32),
    template: zod_1.z.string().min(1).max(100_000),
    variables: zod_1.z.array(exports.promptVariableSchema).max(100),
})
    .partial()
    .refine((v) => Object.keys(v).length > 0, { message: 'at least one field to change' });
exports.movePromptLabelSchema = zod_1.z.strictObject({
    label: labelSchema,
    version: zod_1.z.number().int().min(1).max(schemas_1.MAX_VERSION),
});
exports.getPromptQuerySchema = zod_1.z
    .strictObject({ version: zod_1.z.coerce.number().int().min(1).max(schemas_1.MAX_VERSION).optional(), label: labelSchema.optional() })
    .refine((q) => !(q.version !== undefined && q.label !== undefined), {
    message: 'version and label exclude each other',
    path: ['label'],
});
exports.listPromptsQuerySchema = zod_1.z.strictObject({
    name: zod_1.z.string().min(1).max(255).optional(),
    tag: zod_1.z.string().min(1).max(64).optional(),
    label: labelSchema.optional(),
    limit: schemas_1.limitSchema,
    cursor: schemas_1.cursorSchema,
});
exports.promptVersionsQuerySchema = zod_1.z.strictObject({ limit: schemas_1.limitSchema, cursor: schemas_1.cursorSchema });
exports.conditionSchema = zod_1.z.discriminatedUnion('operator', [
    zod_1.z.strictObject({ variable: variableName, operator: zod_1.z.literal('exists') }),
    zod_1.z.strictObject({ variable: variableName, operator: zod_1.z.enum(['eq', 'neq']), value: scalar }),
    zod_1.z.strictObject({ variable: variableName, operator: zod_1.z.literal('in'), value: zod_1.z.array(scalar).min(1).max(100) }),
    zod_1.z.strictObject({ variable: variableName, operator: zod_1.z.enum(['gt', 'lt']), value: zod_1.z.number() }),
]);
const linkFields = {
    role: zod_1.z.enum(exports.PROMPT_LINK_ROLES),
    priority: zod_1.z.number().int().min(0).max(100).default(50),
    conditions: zod_1.z.array(exports.conditionSchema).max(20).default([]),
    version: zod_1.z.number().int().min(1).max(schemas_1.MAX_VERSION).optional(),
    label: labelSchema.optional(),
};
const onePin = (v) => !(v.version !== undefined && v.label !== undefined);
const pinMessage = { message: 'pin a version or follow a label, not both', path: ['label'] };
exports.linkPromptSchema = zod_1.z.strictObject({ promptId: schemas_1.uuidSchema, ...linkFields }).refine(onePin, pinMessage);
exports.updatePromptLinkSchema = zod_1.z
    .strictObject({
    role: linkFields.role,
    priority: zod_1.z.number().int().min(0).max(100),
    conditions: zod_1.z.array(exports.conditionSchema).max(20),
    version: zod_1.z.number().int().min(1).max(schemas_1.MAX_VERSION),
    label: labelSchema,
})
    .partial()
    .refine((v) => Object.keys(v).length > 0, { message: 'at least one field to change' })
    .refine(onePin, pinMessage);
exports.suggestionsQuerySchema = zod_1.z.strictObject({ limit: zod_1.z.coerce.number().int().min(1).max(50).default(10) });
exports.systemPromptRequestSchema = zod_1.z.strictObject({
    variables: zod_1.z.record(variableName, scalar).default({}),
});
//# sourceMappingURL=prompt.schemas.js.map