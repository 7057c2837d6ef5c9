import {
  ConversationOperations as C,
  GENERATION_RPC_TIMEOUT_MS,
  type ConversationDto,
  type ConversationWithContextDto,
} from '@platform/contracts';
import { route } from '../http/route-table';

const tag = 'conversations';
const version = (c: ConversationDto | ConversationWithContextDto) => c.version;

/** REST routes of conversations: each one bus operation; the conversation's version is the ETag. */
export const conversationRoutes = [
  route({
    id: 'startConversation',
    permission: 'conversations:write',
    errors: [409, 422],
    method: 'POST',
    path: '/conversations',
    operation: C.start,
    tag,
    summary: 'Start a conversation',
    description:
      'Starts a conversation with an active assistant (unknown assistant: 422 naming `assistantId`; not active: 409). ' +
      'With `environment` it runs on the snapshot of the assistant\'s active deployment there (its system prompt and ' +
      'configuration); no active deployment there: 409. `userId` defaults to the caller.',
    location: (c) => `/conversations/${c.id}`,
    etag: version,
  }),
  route({
    id: 'listConversations',
    permission: 'conversations:read',
    method: 'GET',
    path: '/conversations',
    operation: C.list,
    tag,
    summary: 'List conversations',
  }),
  route({
    id: 'listActiveConversations',
    permission: 'conversations:read',
    method: 'GET',
    path: '/conversations/active',
    operation: C.active,
    tag,
    summary: 'Active conversations, most recently active first',
  }),
  route({
    id: 'getConversation',
    permission: 'conversations:read',
    method: 'GET',
    path: '/conversations/:id',
    operation: C.get,
    tag,
    summary: 'Get a conversation with its context window',
    etag: version,
  }),
  route({
    id: 'appendMessage',
    permission: 'conversations:write',
    errors: [409, 422, 502],
    method: 'POST',
    path: '/conversations/:id/messages',
    operation: C.appendMessage,
    eventStream: C.appendMessageStreaming,
    timeoutMs: GENERATION_RPC_TIMEOUT_MS,
    tag,
    summary: 'Append a message',
    description:
      'Appends a message (ended conversation: 409). With `"generate": true` on a user message the platform asks the ' +
      "model provider for the assistant's reply and answers with it (no provider configured: 422; provider failure: " +
      '502, timeout: 504, both stored as an assistant message with `error`). With `Accept: text/event-stream` the ' +
      'reply streams as server-sent events.',
    status: 201,
  }),
  route({
    id: 'listMessages',
    permission: 'conversations:read',
    method: 'GET',
    path: '/conversations/:id/messages',
    operation: C.messages,
    tag,
    summary: 'The full message history, folded turns included',
  }),
  route({
    id: 'setConversationContext',
    permission: 'conversations:write',
    errors: [409],
    method: 'PUT',
    path: '/conversations/:id/context',
    operation: C.setContext,
    tag,
    summary: 'Merge context variables (null removes a key)',
    etag: version,
  }),
  route({
    id: 'endConversation',
    permission: 'conversations:write',
    errors: [409],
    method: 'POST',
    path: '/conversations/:id/end',
    operation: C.end,
    tag,
    summary: 'End a conversation',
    etag: version,
  }),
  route({
    id: 'getConversationSummary',
    permission: 'conversations:read',
    method: 'GET',
    path: '/conversations/:id/summary',
    operation: C.summary,
    tag,
    summary: 'Figures and summary of a conversation',
  }),
  route({
    id: 'rateMessage',
    permission: 'conversations:write',
    errors: [422],
    method: 'POST',
    path: '/conversations/:id/messages/:messageId/feedback',
    operation: C.rateMessage,
    tag,
    summary: 'Rate an assistant message (again: replaces the earlier rating)',
    status: 201,
  }),
];
