import { Injectable } from '@nestjs/common';
import type { PromptDto, RequestMeta } from '@platform/contracts';
import { CommandRunner } from '../../../shared/command-runner';
import { executePromptCommand } from '../../prompt.aggregate';

@Injectable()
export class RemovePromptLabelHandler {
  constructor(private readonly runner: CommandRunner) {}

  execute(promptId: string, label: string, meta: RequestMeta): Promise<PromptDto> {
    return executePromptCommand(this.runner, promptId, meta, () => ({
      type: 'RemovePromptLabel',
      promptId,
      now: new Date().toISOString(),
      actorId: meta.actorId,
      data: { label },
    }));
  }
}
