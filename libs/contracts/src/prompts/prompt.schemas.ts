import { z } from 'zod';
import { cursorSchema, limitSchema, MAX_VERSION, tagFilterSchema, uuidSchema } from '../common/schemas';

export const PROMPT_LINK_ROLES = ['primary', 'secondary', 'fallback'] as const;
export const CONDITION_OPERATORS = ['eq', 'neq', 'in', 'exists', 'gt', 'lt'] as const;
export const LATEST_LABEL = 'latest';

const variableName = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_]{0,63}$/, 'a letter or _ then letters, digits or _ (max 64)');
const labelSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._-]{0,62}$/, 'lowercase letters, digits, ".", "_" or "-" (max 63)');
const scalar = z.union([z.string().max(10_000), z.number(), z.boolean()]);

export const promptVariableSchema = z.strictObject({
  name: variableName,
  required: z.boolean().default(true),
  default: scalar.optional(),
  description: z.string().max(1000).optional(),
});

export const createPromptSchema = z.strictObject({
  name: z.string().trim().min(1).max(255),
  description: z.string().max(5000).optional(),
  tags: z.array(z.string().trim().min(1).max(64)).max(32).default([]),
  template: z.string().min(1).max(100_000),
  variables: z.array(promptVariableSchema).max(100).default([]),
});

export const revisePromptSchema = z
  .strictObject({
    name: z.string().trim().min(1).max(255),
    description: z.string().max(5000).nullable(),
    tags: z.array(z.string().trim().min(1).max(64)).max(32),
    template: z.string().min(1).max(100_000),
    variables: z.array(promptVariableSchema).max(100),
  })
  .partial()
  .refine((v) => Object.keys(v).length > 0, { message: 'at least one field to change' })
  .meta({ minProperties: 1 }); // the refinement, as JSON Schema says it (OpenAPI)

export const movePromptLabelSchema = z.strictObject({
  label: labelSchema,
  version: z.number().int().min(1).max(MAX_VERSION),
});

export const getPromptQuerySchema = z
  .strictObject({ version: z.coerce.number().int().min(1).max(MAX_VERSION).optional(), label: labelSchema.optional() })
  .refine((q) => !(q.version !== undefined && q.label !== undefined), {
    message: 'version and label exclude each other',
    path: ['label'],
  })
  .meta({ not: { properties: { version: {}, label: {} }, required: ['version', 'label'] } });

export const listPromptsQuerySchema = z.strictObject({
  name: z.string().min(1).max(255).optional(),
  tag: tagFilterSchema,
  label: labelSchema.optional(),
  limit: limitSchema,
  cursor: cursorSchema,
});

export const promptVersionsQuerySchema = z.strictObject({ limit: limitSchema, cursor: cursorSchema });

export const conditionSchema = z.discriminatedUnion('operator', [
  z.strictObject({ variable: variableName, operator: z.literal('exists') }),
  z.strictObject({ variable: variableName, operator: z.enum(['eq', 'neq']), value: scalar }),
  z.strictObject({ variable: variableName, operator: z.literal('in'), value: z.array(scalar).min(1).max(100) }),
  z.strictObject({ variable: variableName, operator: z.enum(['gt', 'lt']), value: z.number() }),
]);

const linkFields = {
  role: z.enum(PROMPT_LINK_ROLES),
  priority: z.number().int().min(0).max(100).default(50),
  conditions: z.array(conditionSchema).max(20).default([]),
  version: z.number().int().min(1).max(MAX_VERSION).optional(),
  label: labelSchema.optional(),
};
const onePin = (v: { version?: number; label?: string }) => !(v.version !== undefined && v.label !== undefined);
const pinMessage = { message: 'pin a version or follow a label, not both', path: ['label'] };

/** The pin rule as JSON Schema says it (OpenAPI): not both. */
const onePinSchema = { not: { properties: { version: {}, label: {} }, required: ['version', 'label'] } };

export const linkPromptSchema = z
  .strictObject({ promptId: uuidSchema, ...linkFields })
  .refine(onePin, pinMessage)
  .meta(onePinSchema);

export const updatePromptLinkSchema = z
  .strictObject({
    role: linkFields.role,
    priority: z.number().int().min(0).max(100),
    conditions: z.array(conditionSchema).max(20),
    version: z.number().int().min(1).max(MAX_VERSION),
    label: labelSchema,
  })
  .partial()
  .refine((v) => Object.keys(v).length > 0, { message: 'at least one field to change' })
  .refine(onePin, pinMessage)
  .meta({ minProperties: 1, ...onePinSchema });

export const linkedAssistantsQuerySchema = z.strictObject({ limit: limitSchema, cursor: cursorSchema });

export const suggestionsQuerySchema = z.strictObject({ limit: z.coerce.number().int().min(1).max(50).default(10) });

export const systemPromptRequestSchema = z.strictObject({
  variables: z.record(variableName, scalar).default({}),
});

export type PromptVariableInput = z.infer<typeof promptVariableSchema>;
export type CreatePromptBody = z.infer<typeof createPromptSchema>;
export type RevisePromptBody = z.infer<typeof revisePromptSchema>;
export type MovePromptLabelBody = z.infer<typeof movePromptLabelSchema>;
export type GetPromptQuery = z.infer<typeof getPromptQuerySchema>;
export type ListPromptsQuery = z.infer<typeof listPromptsQuerySchema>;
export type PromptVersionsQuery = z.infer<typeof promptVersionsQuerySchema>;
export type Condition = z.infer<typeof conditionSchema>;
export type LinkPromptBody = z.infer<typeof linkPromptSchema>;
export type UpdatePromptLinkBody = z.infer<typeof updatePromptLinkSchema>;
export type SuggestionsQuery = z.infer<typeof suggestionsQuerySchema>;
export type LinkedAssistantsQuery = z.infer<typeof linkedAssistantsQuerySchema>;
export type SystemPromptRequest = z.infer<typeof systemPromptRequestSchema>;
export type PromptLinkRole = (typeof PROMPT_LINK_ROLES)[number];
export type ContextValue = string | number | boolean;
