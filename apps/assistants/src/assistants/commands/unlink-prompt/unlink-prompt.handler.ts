import { Injectable } from '@nestjs/common';
import type { AssistantDto, RequestMeta } from '@platform/contracts';
import { CommandRunner } from '../../../shared/command-runner';
import { executeAssistantCommand } from '../../assistant.aggregate';

@Injectable()
export class UnlinkPromptHandler {
  constructor(private readonly runner: CommandRunner) {}

  execute(assistantId: string, promptId: string, meta: RequestMeta): Promise<AssistantDto> {
    return executeAssistantCommand(this.runner, assistantId, meta, () => ({
      type: 'UnlinkPrompt',
      assistantId,
      now: new Date().toISOString(),
      data: { promptId },
    }));
  }
}
