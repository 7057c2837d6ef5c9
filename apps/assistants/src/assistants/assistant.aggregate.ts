import {
  decide,
  fold,
  type Assistant,
  type AssistantCommand,
  type AssistantEvent,
  type AssistantState,
} from '@platform/assistants-domain';
import type { AssistantDto, RequestMeta } from '@platform/contracts';
import type { AggregateSpec, CommandRunner } from '../shared/command-runner';
import { uniqueViolation } from '../shared/errors';
import { SlugTakenError } from './assistant.errors';
import { assistantStreamId, toAssistantDto } from './assistant.mapper';
import { LIVE_SLUG_CONSTRAINT } from './projections/assistant-view.migrations';

export const assistantAggregate: AggregateSpec<Assistant, AssistantState, AssistantCommand, AssistantEvent> = {
  viewTable: 'assistants.assistant_view',
  streamId: assistantStreamId,
  stateOf: (doc) => (doc ? { kind: 'existing', assistant: doc } : { kind: 'none' }),
  docOf: (state) => (state.kind === 'existing' ? state.assistant : null),
  decide,
  fold,
  revisionOf: (doc) => doc.version,
  versionOf: (doc) => doc.version,
  conflicts: (err) => {
    const slug = uniqueViolation(err, LIVE_SLUG_CONSTRAINT);
    return slug === undefined ? undefined : new SlugTakenError(slug);
  },
};

/** Runs one assistant command (load, decide, append) and answers with the assistant as it is afterwards. */
export function executeAssistantCommand(
  runner: CommandRunner,
  id: string,
  meta: RequestMeta,
  build: (current: Assistant | null) => AssistantCommand,
): Promise<AssistantDto> {
  return runner.execute(assistantAggregate, id, meta, build, toAssistantDto);
}
