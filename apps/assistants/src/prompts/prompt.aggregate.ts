import {
  decidePrompt,
  foldPrompt,
  type Prompt,
  type PromptCommand,
  type PromptEvent,
  type PromptState,
} from '@platform/assistants-domain';
import type { PromptDto, RequestMeta } from '@platform/contracts';
import type { AggregateSpec, CommandRunner } from '../shared/command-runner';
import { uniqueViolation } from '../shared/errors';
import { PromptNameTakenError } from './prompt.errors';
import { promptStreamId, toPromptDto } from './prompt.mapper';
import { PROMPT_NAME_CONSTRAINT } from './projections/prompt-view.migrations';

export const promptAggregate: AggregateSpec<Prompt, PromptState, PromptCommand, PromptEvent> = {
  viewTable: 'assistants.prompt_view',
  streamId: promptStreamId,
  stateOf: (doc) => (doc ? { kind: 'existing', prompt: doc } : { kind: 'none' }),
  docOf: (state) => (state.kind === 'existing' ? state.prompt : null),
  decide: decidePrompt,
  fold: foldPrompt,
  revisionOf: (doc) => doc.revision,
  versionOf: (doc) => doc.latestVersion,
  conflicts: (err) => {
    const name = uniqueViolation(err, PROMPT_NAME_CONSTRAINT);
    return name === undefined ? undefined : new PromptNameTakenError(name);
  },
};

/** Runs one prompt command and answers with the prompt at its latest version. */
export function executePromptCommand(
  runner: CommandRunner,
  id: string,
  meta: RequestMeta,
  build: (current: Prompt | null) => PromptCommand,
): Promise<PromptDto> {
  return runner.execute(promptAggregate, id, meta, build, (doc) => toPromptDto(doc));
}
