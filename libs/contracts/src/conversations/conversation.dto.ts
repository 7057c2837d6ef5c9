import type { z } from 'zod';
import type {
  contextMessageSchema,
  conversationContextSchema,
  conversationSchema,
  conversationSummarySchema,
  conversationWithContextSchema,
  messageErrorSchema,
  messageSchema,
  toolCallResponseSchema,
} from './conversation.responses';
import type { CONVERSATION_ENVIRONMENTS, CONVERSATION_STATUSES, MESSAGE_ROLES } from './conversation.schemas';

// The answers' types, derived from their schemas so the two cannot drift apart.
export type ConversationStatus = (typeof CONVERSATION_STATUSES)[number];
export type MessageRole = (typeof MESSAGE_ROLES)[number];
export type ConversationEnvironment = (typeof CONVERSATION_ENVIRONMENTS)[number];
export type ToolCallDto = z.output<typeof toolCallResponseSchema>;
export type MessageErrorDto = z.output<typeof messageErrorSchema>;
export type MessageDto = z.output<typeof messageSchema>;
export type ContextMessageDto = z.output<typeof contextMessageSchema>;
export type ConversationContextDto = z.output<typeof conversationContextSchema>;
export type ConversationDto = z.output<typeof conversationSchema>;
export type ConversationWithContextDto = z.output<typeof conversationWithContextSchema>;
export type ConversationSummaryDto = z.output<typeof conversationSummarySchema>;
