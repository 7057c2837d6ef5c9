import { Injectable } from '@nestjs/common';
import type { MovePromptLabelBody, PromptDto, RequestMeta } from '@platform/contracts';
import { CommandRunner } from '../../../shared/command-runner';
import { executePromptCommand } from '../../prompt.aggregate';

/** Moving a label is how a prompt version is promoted (to `production`, say) or rolled back. */
@Injectable()
export class MovePromptLabelHandler {
  constructor(private readonly runner: CommandRunner) {}

  execute(promptId: string, body: MovePromptLabelBody, meta: RequestMeta): Promise<PromptDto> {
    return executePromptCommand(this.runner, promptId, meta, () => ({
      type: 'MovePromptLabel',
      promptId,
      now: new Date().toISOString(),
      actorId: meta.actorId,
      data: body,
    }));
  }
}
