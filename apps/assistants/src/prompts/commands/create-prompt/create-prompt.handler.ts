import { Injectable } from '@nestjs/common';
import type { CreatePromptBody, PromptDto, RequestMeta } from '@platform/contracts';
import { v7 as uuidv7 } from 'uuid';
import { CommandRunner } from '../../../shared/command-runner';
import { executePromptCommand } from '../../prompt.aggregate';

@Injectable()
export class CreatePromptHandler {
  constructor(private readonly runner: CommandRunner) {}

  execute(body: CreatePromptBody, meta: RequestMeta): Promise<PromptDto> {
    const promptId = uuidv7();
    return executePromptCommand(this.runner, promptId, meta, () => ({
      type: 'CreatePrompt',
      promptId,
      now: new Date().toISOString(),
      actorId: meta.actorId,
      data: body,
    }));
  }
}
