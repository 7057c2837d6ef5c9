import { Injectable } from '@nestjs/common';
import type { AssistantDto, RequestMeta, UpdateAssistantBody } from '@platform/contracts';
import { AssistantCommandRunner } from '../../infrastructure/assistant-command-runner';

@Injectable()
export class UpdateAssistantHandler {
  constructor(private readonly runner: AssistantCommandRunner) {}

  execute(assistantId: string, changes: UpdateAssistantBody, meta: RequestMeta): Promise<AssistantDto> {
    return this.runner.execute(assistantId, meta, () => ({
      type: 'UpdateAssistant',
      assistantId,
      now: new Date().toISOString(),
      data: changes,
    }));
  }
}
