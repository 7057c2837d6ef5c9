import {
  decidePrompt,
  PromptNotFoundError,
  foldPrompt,
  PROMPT_EVENT_TYPES,
  type Prompt,
  type PromptCommand,
  type PromptEvent,
  type PromptState,
} from '@platform/assistants-domain';
import { PROMPT_STREAM_CATEGORY, type PromptDto } from '@platform/contracts';
import { uniqueViolationValue } from '@platform/event-store';
import type { Aggregate } from '@platform/service-kit';
import { PromptNameTakenError } from './prompt.errors';
import { toPromptDto } from './prompt.mapper';
import { PROMPT_NAME_CONSTRAINT } from './projections/prompt-view.migrations';
import { writePromptView } from './projections/prompt-view.projection';

/** A prompt's version (ETag, If-Match) is its latest version; its stream also records label moves. */
export const promptAggregate: Aggregate<Prompt, PromptState, PromptCommand, PromptEvent, PromptDto> = {
  category: PROMPT_STREAM_CATEGORY,
  table: 'prompt_view',
  eventTypes: PROMPT_EVENT_TYPES,
  stateOf: (doc) => (doc ? { kind: 'existing', prompt: doc } : { kind: 'none' }),
  docOf: (state) => (state.kind === 'existing' ? state.prompt : null),
  decide: decidePrompt,
  fold: (events, state) => foldPrompt(events, state),
  versionOf: (doc) => doc.latestVersion,
  toResponse: (doc) => toPromptDto(doc),
  write: writePromptView,
  owner: { of: (doc) => doc.ownerId ?? null, notFound: (id) => new PromptNotFoundError(id) },
  conflicts: (err) => {
    const name = uniqueViolationValue(err, PROMPT_NAME_CONSTRAINT);
    return name === undefined ? undefined : new PromptNameTakenError(name);
  },
};
