import { defineOperation, idParams } from '../common/operation';
import { pageSchema } from '../common/page';
import { ConversationPatterns as C } from './conversation.patterns';
import {
  conversationSchema,
  conversationSummarySchema,
  conversationWithContextSchema,
  messageSchema,
} from './conversation.responses';
import {
  activeConversationsQuerySchema,
  appendMessageSchema,
  endConversationSchema,
  listConversationsQuerySchema,
  listMessagesQuerySchema,
  rateMessageSchema,
  setContextSchema,
  startConversationSchema,
  streamingQuerySchema,
} from './conversation.schemas';

const id = idParams('id');
const conversations = pageSchema(conversationSchema);

/** Every request/reply operation on conversations: the bus pattern, the schemas of its input and of its answer. */
export const ConversationOperations = {
  start: defineOperation({ pattern: C.start, body: startConversationSchema, response: conversationSchema }),
  get: defineOperation({ pattern: C.get, params: id, response: conversationWithContextSchema }),
  list: defineOperation({ pattern: C.list, query: listConversationsQuerySchema, response: conversations }),
  active: defineOperation({ pattern: C.active, query: activeConversationsQuerySchema, response: conversations }),
  end: defineOperation({
    pattern: C.end,
    params: id,
    body: endConversationSchema.default({}),
    response: conversationSchema,
  }),
  setContext: defineOperation({
    pattern: C.setContext,
    params: id,
    body: setContextSchema,
    response: conversationSchema,
  }),
  summary: defineOperation({ pattern: C.summary, params: id, response: conversationSummarySchema }),
  // With `generate: true` the answer is the assistant's reply (its parentMessageId is the user message).
  appendMessage: defineOperation({
    pattern: C.appendMessage,
    params: id,
    body: appendMessageSchema,
    response: messageSchema,
  }),
  appendMessageStreaming: defineOperation({
    pattern: C.appendMessageStreaming,
    params: id,
    query: streamingQuerySchema,
    body: appendMessageSchema,
    response: messageSchema,
  }),
  messages: defineOperation({
    pattern: C.messages,
    params: id,
    query: listMessagesQuerySchema,
    response: pageSchema(messageSchema),
  }),
  rateMessage: defineOperation({
    pattern: C.rateMessage,
    params: idParams('id', 'messageId'),
    body: rateMessageSchema,
    response: messageSchema,
  }),
} as const;
