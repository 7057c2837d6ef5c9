import { z } from 'zod';
import { cursorSchema, limitSchema, uuidSchema } from '../common/schemas';

export const CONVERSATION_STATUSES = ['active', 'ended'] as const;
export const MESSAGE_ROLES = ['user', 'assistant', 'system', 'tool'] as const;
/** Deployment environments a conversation may be held in (null: none, e.g. the playground). */
export const CONVERSATION_ENVIRONMENTS = ['development', 'testing', 'staging', 'production'] as const;
/** Serialised JSON of a message's metadata may not exceed this (bytes of UTF-8). */
export const MAX_MESSAGE_METADATA_BYTES = 16 * 1024;
export const MAX_MESSAGE_CONTENT_CHARS = 100_000;

const utf8 = new TextEncoder();
const variableName = z.string().min(1).max(100);
const variableValue = z.union([z.string().max(10_000), z.number(), z.boolean()]);

export const contextVariablesSchema = z
  .record(variableName, variableValue)
  .refine((v) => Object.keys(v).length <= 100, { message: 'at most 100 variables' });

export const startConversationSchema = z.strictObject({
  assistantId: uuidSchema,
  title: z.string().trim().min(1).max(255).optional(),
  userId: z.string().min(1).max(200).optional().meta({ description: 'Default: the caller' }),
  environment: z.enum(CONVERSATION_ENVIRONMENTS).optional(),
  contextVariables: contextVariablesSchema.optional(),
});

export const toolCallSchema = z.strictObject({
  id: z.string().min(1).max(100),
  name: z.string().min(1).max(200),
  arguments: z.string().max(50_000).meta({ description: 'The arguments as the model wrote them (JSON text)' }),
});

export const appendMessageSchema = z
  .strictObject({
    role: z.enum(MESSAGE_ROLES),
    content: z.string().max(MAX_MESSAGE_CONTENT_CHARS),
    toolCalls: z.array(toolCallSchema).min(1).max(32).optional().meta({ description: 'Assistant messages only' }),
    toolCallId: z.string().min(1).max(100).optional().meta({ description: 'Tool messages: an earlier tool call' }),
    parentMessageId: uuidSchema.optional().meta({ description: 'A message of this conversation it answers' }),
    metadata: z
      .record(z.string(), z.unknown())
      .refine((m) => utf8.encode(JSON.stringify(m)).length <= MAX_MESSAGE_METADATA_BYTES, {
        message: `at most ${MAX_MESSAGE_METADATA_BYTES} bytes as JSON`,
      })
      .optional(),
    model: z.string().min(1).max(200).optional().meta({ description: 'Assistant messages: the model that wrote it' }),
    responseTimeMs: z.number().min(0).max(3_600_000).optional().meta({ description: 'Assistant messages' }),
    generate: z
      .boolean()
      .optional()
      .meta({ description: "User messages: the platform asks the model provider for the assistant's reply" }),
  })
  .superRefine((m, ctx) => {
    const only = (field: keyof typeof m, role: string) => {
      if (m[field] !== undefined && m.role !== role)
        ctx.addIssue({ code: 'custom', path: [field], message: `only on ${role} messages` });
    };
    only('toolCalls', 'assistant');
    only('model', 'assistant');
    only('responseTimeMs', 'assistant');
    only('generate', 'user');
    only('toolCallId', 'tool');
    if (m.role === 'tool' && m.toolCallId === undefined)
      ctx.addIssue({ code: 'custom', path: ['toolCallId'], message: 'required on tool messages' });
  });

export const setContextSchema = z.strictObject({
  variables: z
    .record(variableName, variableValue.nullable())
    .refine((v) => Object.keys(v).length >= 1 && Object.keys(v).length <= 100, { message: '1 to 100 variables' })
    .meta({ description: 'Merged into the context; a null value removes the key' }),
});

export const endConversationSchema = z.strictObject({ reason: z.string().trim().min(1).max(500).optional() });

export const rateMessageSchema = z.strictObject({
  rating: z.number().int().min(1).max(5),
  comment: z.string().max(2000).optional(),
});

export const listConversationsQuerySchema = z.strictObject({
  assistantId: uuidSchema.optional(),
  userId: z.string().min(1).max(200).optional(),
  status: z.enum(CONVERSATION_STATUSES).optional(),
  limit: limitSchema,
  cursor: cursorSchema,
});

export const activeConversationsQuerySchema = z.strictObject({
  assistantId: uuidSchema.optional(),
  userId: z.string().min(1).max(200).optional(),
  limit: limitSchema,
  cursor: cursorSchema,
});

export const listMessagesQuerySchema = z.strictObject({
  limit: limitSchema,
  cursor: cursorSchema,
  order: z.enum(['asc', 'desc']).default('asc'),
});

/** The bus-only input of a streaming append: where the caller listens (see generationStreamSubject). */
export const streamingQuerySchema = z.strictObject({ streamId: uuidSchema });

export type StartConversationBody = z.infer<typeof startConversationSchema>;
export type AppendMessageBody = z.infer<typeof appendMessageSchema>;
export type SetContextBody = z.infer<typeof setContextSchema>;
export type RateMessageBody = z.infer<typeof rateMessageSchema>;
export type ListConversationsQuery = z.infer<typeof listConversationsQuerySchema>;
export type ActiveConversationsQuery = z.infer<typeof activeConversationsQuerySchema>;
export type ListMessagesQuery = z.infer<typeof listMessagesQuerySchema>;
