import {
  ASSISTANT_EVENT_TYPES,
  AssistantNotFoundError,
  decide,
  fold,
  type Assistant,
  type AssistantCommand,
  type AssistantEvent,
  type AssistantState,
} from '@platform/assistants-domain';
import { ASSISTANT_STREAM_CATEGORY, type AssistantDto } from '@platform/contracts';
import { uniqueViolationValue } from '@platform/event-store';
import type { Aggregate } from '@platform/service-kit';
import { SlugTakenError } from './assistant.errors';
import { toAssistantDto } from './assistant.mapper';
import { LIVE_SLUG_CONSTRAINT } from './projections/assistant-view.migrations';
import { writeAssistantView } from './projections/assistant-view.projection';

export const assistantAggregate: Aggregate<Assistant, AssistantState, AssistantCommand, AssistantEvent, AssistantDto> =
  {
    category: ASSISTANT_STREAM_CATEGORY,
    table: 'assistant_view',
    eventTypes: ASSISTANT_EVENT_TYPES,
    stateOf: (doc) => (doc ? { kind: 'existing', assistant: doc } : { kind: 'none' }),
    docOf: (state) => (state.kind === 'existing' ? state.assistant : null),
    decide,
    fold: (events, state) => fold(events, state),
    versionOf: (doc) => doc.version,
    toResponse: toAssistantDto,
    write: writeAssistantView,
    owner: { of: (doc) => doc.ownerId, notFound: (id) => new AssistantNotFoundError(id) },
    conflicts: (err) => {
      const slug = uniqueViolationValue(err, LIVE_SLUG_CONSTRAINT);
      return slug === undefined ? undefined : new SlugTakenError(slug);
    },
  };
