import {
  CONVERSATION_EVENT_TYPES,
  ConversationNotFoundError,
  decide,
  fold,
  type Conversation,
  type ConversationCommand,
  type ConversationEvent,
  type ConversationState,
} from '@platform/conversations-domain';
import { CONVERSATION_STREAM_CATEGORY, type ConversationDto } from '@platform/contracts';
import type { Aggregate } from '@platform/service-kit';
import { toConversationDto } from './conversation.mapper';
import { writeConversationView } from './projections/conversation-view.projection';

export const conversationAggregate: Aggregate<
  Conversation,
  ConversationState,
  ConversationCommand,
  ConversationEvent,
  ConversationDto
> = {
  category: CONVERSATION_STREAM_CATEGORY,
  table: 'conversation_view',
  eventTypes: CONVERSATION_EVENT_TYPES,
  stateOf: (doc) => (doc ? { kind: 'existing', conversation: doc } : { kind: 'none' }),
  docOf: (state) => (state.kind === 'existing' ? state.conversation : null),
  decide,
  fold: (events, state) => fold(events, state),
  versionOf: (doc) => doc.version,
  toResponse: toConversationDto,
  write: writeConversationView,
  // A conversation belongs to its assistant's owner: what hangs off another owner's assistant does not exist.
  owner: { of: (doc) => doc.ownerId, notFound: (id) => new ConversationNotFoundError(id) },
};
