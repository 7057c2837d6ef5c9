import { z } from 'zod';
import type { EventContractMap } from '../../common/event-contracts';

// The Conversation aggregate's events as stored and published (analytics reads them). Written out rather than
// built from the HTTP schemas: a request schema change must not retype stored events. Any change of shape is a
// new schemaVersion with an upcaster from the last (see assistants/events/assistant.events.ts).

const id = z.string().min(1);
const time = z.iso.datetime();
const variables = z.record(z.string(), z.union([z.string(), z.number(), z.boolean()]));
const role = z.enum(['user', 'assistant', 'system', 'tool']);

export const messageEventSchema = z.strictObject({
  id,
  seq: z.number().int().min(1),
  role,
  content: z.string(),
  toolCalls: z.array(z.strictObject({ id: z.string(), name: z.string(), arguments: z.string() })).nullable(),
  toolCallId: z.string().nullable(),
  parentMessageId: id.nullable(),
  metadata: z.record(z.string(), z.unknown()),
  tokenCount: z.number().int().min(0),
  model: z.string().nullable(),
  responseTimeMs: z.number().min(0).nullable(),
  usage: z.strictObject({ promptTokens: z.number().int(), completionTokens: z.number().int() }).nullable(),
  error: z
    .strictObject({
      code: z.enum(['timeout', 'provider_error']),
      message: z.string(),
      status: z.number().int().nullable(),
    })
    .nullable(),
  createdAt: time,
});

export const conversationEventContractMap = {
  ConversationStarted: {
    schemaVersion: 1,
    schema: z.strictObject({
      conversationId: id,
      assistantId: id,
      userId: id,
      ownerId: id.nullable(),
      title: z.string().nullable(),
      environment: z.string().nullable(),
      contextVariables: variables,
      budgetTokens: z.number().int().min(0).meta({ description: 'The context budget the assistant gave at the start' }),
      startedAt: time,
    }),
  },
  MessageAppended: {
    schemaVersion: 1,
    // assistantId rides along so a consumer can count per assistant without keeping the conversations itself.
    schema: z.strictObject({
      conversationId: id,
      assistantId: id,
      message: messageEventSchema,
      budgetTokens: z.number().int().min(0).meta({ description: 'The context budget in force for this message' }),
    }),
  },
  ContextCompressed: {
    schemaVersion: 1,
    schema: z.strictObject({
      conversationId: id,
      foldedMessageIds: z.array(id).min(1),
      summary: z.string().meta({ description: 'The running summary after this fold (it replaces the last one)' }),
      summarizer: z.enum(['model', 'extractive']),
      summaryTokens: z.number().int().min(0),
      tokensBefore: z.number().int().min(0).meta({ description: 'Summary plus window before the fold' }),
      tokensAfter: z.number().int().min(0),
      budgetTokens: z.number().int().min(0),
      at: time,
    }),
  },
  ContextVariablesSet: {
    schemaVersion: 1,
    schema: z.strictObject({ conversationId: id, set: variables, removed: z.array(z.string()), at: time }),
  },
  MessageRated: {
    schemaVersion: 1,
    schema: z.strictObject({
      conversationId: id,
      assistantId: id,
      messageId: id,
      rating: z.number().int().min(1).max(5),
      comment: z.string().nullable(),
      previousRating: z.number().int().min(1).max(5).nullable().meta({ description: 'The rating this one replaces' }),
      at: time,
    }),
  },
  ConversationEnded: {
    schemaVersion: 1,
    schema: z.strictObject({
      conversationId: id,
      assistantId: id,
      reason: z.string().nullable().meta({ description: '"timeout" when it ended by itself after idling' }),
      endedAt: time,
    }),
  },
} as const satisfies EventContractMap;
