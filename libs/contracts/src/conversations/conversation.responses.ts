import { z } from 'zod';
import { CONVERSATION_ENVIRONMENTS, CONVERSATION_STATUSES, MESSAGE_ROLES } from './conversation.schemas';

// What the conversations service answers, as it is sent: nullable where null is sent, strict, named (one OpenAPI
// component each). See assistants/assistant.responses.ts for the rules.

const int = z.number().int();
const time = z.iso.datetime();

export const conversationStatusSchema = z.enum(CONVERSATION_STATUSES).meta({ id: 'ConversationStatus' });
export const messageRoleSchema = z.enum(MESSAGE_ROLES).meta({ id: 'MessageRole' });

export const toolCallResponseSchema = z
  .strictObject({ id: z.string(), name: z.string(), arguments: z.string() })
  .meta({ id: 'ToolCall' });

export const messageErrorSchema = z
  .strictObject({
    code: z.enum(['timeout', 'provider_error']),
    message: z.string(),
    status: int.nullable().meta({ description: "The provider's HTTP status, when it answered" }),
  })
  .meta({ id: 'MessageError', description: 'Why the model provider gave no reply' });

export const messageFeedbackSchema = z
  .strictObject({ rating: int.min(1).max(5), comment: z.string().nullable(), ratedAt: time })
  .meta({ id: 'MessageFeedback' });

export const messageUsageSchema = z
  .strictObject({ promptTokens: int, completionTokens: int })
  .meta({ id: 'MessageUsage', description: 'Token usage as the model provider reported it' });

export const messageSchema = z
  .strictObject({
    id: z.uuid(),
    conversationId: z.uuid(),
    seq: int.min(1),
    role: messageRoleSchema,
    content: z.string(),
    toolCalls: z.array(toolCallResponseSchema).nullable(),
    toolCallId: z.string().nullable(),
    parentMessageId: z.uuid().nullable(),
    metadata: z.record(z.string(), z.unknown()),
    tokenCount: int.meta({ description: "Counted with the tokenizer of the assistant's model family" }),
    model: z.string().nullable(),
    responseTimeMs: z.number().nullable(),
    usage: messageUsageSchema.nullable(),
    error: messageErrorSchema.nullable(),
    feedback: messageFeedbackSchema.nullable(),
    compressed: z.boolean().meta({ description: 'Folded into the context summary; still part of the history' }),
    createdAt: time,
  })
  .meta({ id: 'Message' });

export const contextMessageSchema = z
  .strictObject({
    id: z.uuid(),
    seq: int.min(1),
    role: messageRoleSchema,
    content: z.string(),
    toolCalls: z.array(toolCallResponseSchema).nullable(),
    toolCallId: z.string().nullable(),
    tokenCount: int,
  })
  .meta({ id: 'ContextMessage' });

export const contextSummarySchema = z
  .strictObject({
    text: z.string(),
    summarizer: z.enum(['model', 'extractive']).meta({ description: 'Who wrote the latest fold of it' }),
    tokenCount: int,
    foldedMessages: int.meta({ description: 'Messages folded into it so far' }),
  })
  .meta({ id: 'ContextSummary' });

export const conversationContextSchema = z
  .strictObject({
    summary: contextSummarySchema.nullable(),
    messages: z.array(contextMessageSchema).meta({ description: 'The window: the newest messages that fit' }),
    tokenCount: int.meta({ description: 'Summary plus window; never above budgetTokens' }),
    budgetTokens: int.nullable().meta({
      description: 'Context window of the assistant minus its reply room (maxTokens) and its system prompt',
    }),
  })
  .meta({ id: 'ConversationContext' });

const conversationFields = {
  id: z.uuid(),
  assistantId: z.uuid(),
  userId: z.string(),
  ownerId: z.string().nullable().meta({ description: "The assistant's owner when the conversation started" }),
  title: z.string().nullable(),
  environment: z.enum(CONVERSATION_ENVIRONMENTS).nullable(),
  status: conversationStatusSchema,
  endReason: z.string().nullable(),
  contextVariables: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
  messageCount: int,
  tokenCount: int,
  startedAt: time,
  lastActivityAt: time,
  endedAt: time.nullable(),
  version: int.min(1).meta({ description: 'Stream revision; sent as ETag' }),
};

export const conversationSchema = z.strictObject(conversationFields).meta({ id: 'Conversation' });

export const conversationWithContextSchema = z
  .strictObject({ ...conversationFields, context: conversationContextSchema })
  .meta({ id: 'ConversationWithContext' });

export const conversationSummarySchema = z
  .strictObject({
    messageCount: int,
    byRole: z.strictObject({ user: int, assistant: int, system: int, tool: int }),
    tokenCount: int,
    durationMs: int.meta({ description: 'From the start to the last activity (or the end)' }),
    avgResponseTimeMs: z.number().nullable(),
    feedback: z.strictObject({ count: int, average: z.number().nullable() }),
    summary: z.string().nullable().meta({ description: 'The context summary of the folded turns, if any' }),
  })
  .meta({ id: 'ConversationSummary' });
