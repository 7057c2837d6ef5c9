import { z } from 'zod';
import { assistantSchema, assistantStatusSchema } from '../assistants/assistant.responses';
import { PROMPT_LINK_ROLES } from './prompt.schemas';

// What the prompt, link and system-prompt operations answer, as it is sent (see assistant.responses.ts).

const int = z.number().int();
const time = z.iso.datetime();
const scalar = z.union([z.string(), z.number(), z.boolean()]);

export const promptLinkRoleSchema = z.enum(PROMPT_LINK_ROLES).meta({ id: 'PromptLinkRole' });

export const promptVariableResponseSchema = z
  .strictObject({
    name: z.string(),
    required: z.boolean(),
    default: scalar.optional(),
    description: z.string().optional(),
  })
  .meta({ id: 'PromptVariable' });

export const promptSchema = z
  .strictObject({
    id: z.uuid(),
    ownerId: z.string().nullable().meta({ description: 'Whose the prompt is; null for prompts of no owner' }),
    name: z.string(),
    description: z.string().nullable(),
    tags: z.array(z.string()),
    template: z.string(),
    variables: z.array(promptVariableResponseSchema),
    version: int.min(1).meta({ description: 'The version read; sent as ETag by GET' }),
    latestVersion: int.min(1).meta({ description: 'Sent as ETag by writes, expected back in If-Match' }),
    labels: z.record(z.string(), int.min(1)).meta({ description: 'Label → the version it points to' }),
    createdAt: time,
    updatedAt: time,
  })
  .meta({ id: 'Prompt' });

export const promptVersionSchema = z
  .strictObject({
    version: int.min(1),
    template: z.string(),
    variables: z.array(promptVariableResponseSchema),
    labels: z.array(z.string()).meta({ description: 'The labels pointing to this version now' }),
    createdAt: time,
    actorId: z.string(),
  })
  .meta({ id: 'PromptVersion' });

export const promptPinSchema = z
  .union([z.strictObject({ version: int.min(1) }), z.strictObject({ label: z.string() })])
  .meta({ id: 'PromptPin', description: 'A pinned version, or a followed label' });

export const promptConditionSchema = z
  .discriminatedUnion('operator', [
    z.strictObject({ variable: z.string(), operator: z.literal('exists') }),
    z.strictObject({ variable: z.string(), operator: z.enum(['eq', 'neq']), value: scalar }),
    z.strictObject({ variable: z.string(), operator: z.literal('in'), value: z.array(scalar) }),
    z.strictObject({ variable: z.string(), operator: z.enum(['gt', 'lt']), value: z.number() }),
  ])
  .meta({ id: 'PromptCondition' });

export const promptLinkSchema = z
  .strictObject({
    promptId: z.uuid(),
    promptName: z.string(),
    role: promptLinkRoleSchema,
    priority: int,
    conditions: z.array(promptConditionSchema),
    pin: promptPinSchema,
    resolvedVersion: int
      .min(1)
      .nullable()
      .meta({ description: 'The version the pin resolves to now; null once a followed label is removed' }),
    linkedAt: time,
  })
  .meta({ id: 'PromptLink' });

export const promptSuggestionSchema = z
  .strictObject({
    promptId: z.uuid(),
    name: z.string(),
    latestVersion: int.min(1),
    score: z.number(),
    reasons: z.array(z.string()),
  })
  .meta({ id: 'PromptSuggestion' });

export const linkedAssistantSchema = z
  .strictObject({
    assistantId: z.uuid(),
    name: z.string(),
    status: assistantStatusSchema,
    role: promptLinkRoleSchema,
    priority: int,
    pin: promptPinSchema,
  })
  .meta({ id: 'LinkedAssistant' });

export const systemPromptPartSchema = z
  .strictObject({
    source: z.enum(['persona', ...PROMPT_LINK_ROLES]),
    promptId: z.uuid().optional().meta({ description: 'Absent for the persona' }),
    version: int.min(1).optional(),
    tokens: int.meta({ description: 'Tokens of this part alone; parts do not add up to tokenCount' }),
  })
  .meta({ id: 'SystemPromptPart' });

export const systemPromptSchema = z
  .strictObject({
    text: z.string(),
    tokenCount: int,
    encoding: z.string(),
    parts: z.array(systemPromptPartSchema),
  })
  .meta({ id: 'SystemPrompt' });

/**
 * Bus only: everything a deployment freezes, from one read of the assistant and the prompts it links to, so the
 * links, the versions they resolve to and the composed system prompt all belong to the assistant version given.
 */
export const assistantSnapshotSchema = z
  .strictObject({
    assistant: assistantSchema,
    links: z.array(promptLinkSchema).meta({ description: 'Primary first, then secondaries and fallbacks by priority' }),
    systemPrompt: systemPromptSchema
      .nullable()
      .meta({ description: 'Composed with every variable at its default; null when required variables are missing' }),
    missingVariables: z
      .array(z.string())
      .meta({ description: 'The required variables without a value (empty when the system prompt composes)' }),
  })
  .meta({ id: 'AssistantSnapshot' });
