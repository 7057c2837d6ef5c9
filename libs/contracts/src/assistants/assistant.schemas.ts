import { z } from 'zod';
import { cursorSchema, limitSchema, MAX_VERSION, tagFilterSchema, uuidSchema } from '../common/schemas';

export const ASSISTANT_TYPES = [
  'general',
  'specialized',
  'conversational',
  'task_oriented',
  'analytical',
  'creative',
  'support',
  'educational',
] as const;
export const ASSISTANT_STATUSES = ['draft', 'active', 'inactive', 'archived'] as const;
export const TRAIT_CATEGORIES = ['personality', 'communication', 'expertise', 'behavioral', 'cognitive'] as const;
export const RESPONSE_STYLE_TYPES = ['formal', 'casual', 'technical', 'creative', 'educational', 'empathetic'] as const;

const text = (max: number) => z.string().max(max);
const slugSchema = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'lowercase letters, digits and single hyphens');
const tagsSchema = z.array(z.string().trim().min(1).max(64)).max(32);

export const traitSchema = z.strictObject({
  name: z.string().min(1).max(100),
  category: z.enum(TRAIT_CATEGORIES),
  value: z.union([z.number().min(0).max(100), z.string().max(500), z.boolean()]),
  weight: z.number().min(0).max(10).default(5),
});

export const responseStyleSchema = z.strictObject({
  type: z.enum(RESPONSE_STYLE_TYPES),
  formality: z.number().int().min(1).max(10),
  verbosity: z.number().int().min(1).max(10),
});

export const knowledgeDomainSchema = z.strictObject({
  name: z.string().min(1).max(200),
  expertiseLevel: z.number().int().min(1).max(10),
  topics: z.array(z.string().min(1).max(200)).max(100).default([]),
  keywords: z.array(z.string().min(1).max(100)).max(100).default([]),
});

export const behaviorRuleSchema = z.strictObject({
  condition: z.string().min(1).max(1000),
  action: z.string().min(1).max(1000),
  priority: z.number().int().min(0).max(100).default(50),
  mandatory: z.boolean().default(false),
});

export const personaSchema = z.strictObject({
  personality: text(2000).optional(),
  tone: text(200).optional(),
  traits: z.array(traitSchema).max(50).optional(),
  responseStyle: responseStyleSchema.optional(),
  knowledgeDomains: z.array(knowledgeDomainSchema).max(50).optional(),
  behaviorRules: z.array(behaviorRuleSchema).max(100).optional(),
});

export const configurationSchema = z.strictObject({
  model: z.string().min(1).max(200).optional(),
  temperature: z.number().min(0).max(2).optional(),
  maxTokens: z.number().int().min(1).max(1_000_000).optional(),
  contextWindowTokens: z.number().int().min(256).max(10_000_000).optional(),
  topP: z.number().min(0).max(1).optional(),
});

export const createAssistantSchema = z.strictObject({
  name: z.string().trim().min(1).max(255),
  slug: slugSchema.optional(),
  description: text(5000).optional(),
  type: z.enum(ASSISTANT_TYPES).default('general'),
  tags: tagsSchema.default([]),
  specialty: text(255).optional(),
  persona: personaSchema.optional(),
  configuration: configurationSchema.optional(),
});

export const updateAssistantSchema = z
  .strictObject({
    name: z.string().trim().min(1).max(255),
    slug: slugSchema,
    description: text(5000).nullable(),
    type: z.enum(ASSISTANT_TYPES),
    status: z.enum(ASSISTANT_STATUSES),
    tags: tagsSchema,
    specialty: text(255).nullable(),
    persona: personaSchema,
    configuration: configurationSchema,
  })
  .partial()
  .refine((v) => Object.keys(v).length > 0, { message: 'at least one field to change' })
  .meta({ minProperties: 1 }); // the refinement, as JSON Schema says it (OpenAPI)

export const cloneAssistantSchema = z.strictObject({
  name: z.string().trim().min(1).max(255).optional(),
  slug: slugSchema.optional(),
});

const counter = z.number().int().min(0, 'must not be negative').max(1_000_000_000);
export const recordUsageSchema = z
  .strictObject({
    conversations: counter.optional(),
    messages: counter.optional(),
    tokens: counter.optional(),
    responseTimeMs: z.number().min(0, 'must not be negative').max(3_600_000).optional(),
    satisfaction: z.number().min(1).max(5).optional(),
  })
  .refine((v) => Object.keys(v).length > 0, { message: 'at least one usage figure' })
  .meta({ minProperties: 1 });

export const listAssistantsQuerySchema = z.strictObject({
  status: z.enum(ASSISTANT_STATUSES).optional(),
  type: z.enum(ASSISTANT_TYPES).optional(),
  tag: tagFilterSchema,
  ownerId: z.string().min(1).max(200).optional(),
  parentId: uuidSchema.optional(),
  limit: limitSchema,
  cursor: cursorSchema,
});

export const searchAssistantsQuerySchema = z.strictObject({
  q: z.string().trim().min(1).max(200),
  type: z.enum(ASSISTANT_TYPES).optional(),
  status: z.enum(ASSISTANT_STATUSES).optional(),
  tag: tagFilterSchema,
  limit: limitSchema,
  cursor: cursorSchema,
});

export const popularAssistantsQuerySchema = z.strictObject({ limit: limitSchema, cursor: cursorSchema });

export const getAssistantQuerySchema = z.strictObject({
  version: z.coerce.number().int().min(1).max(MAX_VERSION).optional(),
});

export const historyQuerySchema = z.strictObject({ limit: limitSchema, cursor: cursorSchema });

export type CreateAssistantBody = z.infer<typeof createAssistantSchema>;
export type UpdateAssistantBody = z.infer<typeof updateAssistantSchema>;
export type CloneAssistantBody = z.infer<typeof cloneAssistantSchema>;
export type RecordUsageBody = z.infer<typeof recordUsageSchema>;
export type ListAssistantsQuery = z.infer<typeof listAssistantsQuerySchema>;
export type SearchAssistantsQuery = z.infer<typeof searchAssistantsQuerySchema>;
export type PopularAssistantsQuery = z.infer<typeof popularAssistantsQuerySchema>;
export type GetAssistantQuery = z.infer<typeof getAssistantQuerySchema>;
export type HistoryQuery = z.infer<typeof historyQuerySchema>;
export type PersonaInput = z.infer<typeof personaSchema>;
export type ConfigurationInput = z.infer<typeof configurationSchema>;
