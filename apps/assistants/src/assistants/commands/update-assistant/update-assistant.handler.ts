import { Injectable } from '@nestjs/common';
import type { AssistantDto, RequestMeta, UpdateAssistantBody } from '@platform/contracts';
import { CommandRunner } from '../../../shared/command-runner';
import { executeAssistantCommand } from '../../assistant.aggregate';

@Injectable()
export class UpdateAssistantHandler {
  constructor(private readonly runner: CommandRunner) {}

  execute(assistantId: string, changes: UpdateAssistantBody, meta: RequestMeta): Promise<AssistantDto> {
    return executeAssistantCommand(this.runner, assistantId, meta, () => ({
      type: 'UpdateAssistant',
      assistantId,
      now: new Date().toISOString(),
      data: changes,
    }));
  }
}
