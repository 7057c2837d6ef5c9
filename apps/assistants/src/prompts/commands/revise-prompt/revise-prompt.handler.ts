import { Injectable } from '@nestjs/common';
import type { PromptDto, RequestMeta, RevisePromptBody } from '@platform/contracts';
import { CommandRunner } from '../../../shared/command-runner';
import { executePromptCommand } from '../../prompt.aggregate';

@Injectable()
export class RevisePromptHandler {
  constructor(private readonly runner: CommandRunner) {}

  /** A real change makes a new immutable version and moves `latest` to it; older versions never change. */
  execute(promptId: string, changes: RevisePromptBody, meta: RequestMeta): Promise<PromptDto> {
    return executePromptCommand(this.runner, promptId, meta, () => ({
      type: 'RevisePrompt',
      promptId,
      now: new Date().toISOString(),
      actorId: meta.actorId,
      data: changes,
    }));
  }
}
