import { Injectable } from '@nestjs/common';
import type { AssistantDto, RequestMeta } from '@platform/contracts';
import { AssistantCommandRunner } from '../../infrastructure/assistant-command-runner';

@Injectable()
export class ArchiveAssistantHandler {
  constructor(private readonly runner: AssistantCommandRunner) {}

  execute(assistantId: string, meta: RequestMeta): Promise<AssistantDto> {
    return this.runner.execute(assistantId, meta, () => ({
      type: 'ArchiveAssistant',
      assistantId,
      now: new Date().toISOString(),
    }));
  }
}
