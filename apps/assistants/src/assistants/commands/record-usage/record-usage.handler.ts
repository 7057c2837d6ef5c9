import { Injectable } from '@nestjs/common';
import type { AssistantDto, RecordUsageBody, RequestMeta } from '@platform/contracts';
import { AssistantCommandRunner } from '../../infrastructure/assistant-command-runner';

@Injectable()
export class RecordUsageHandler {
  constructor(private readonly runner: AssistantCommandRunner) {}

  execute(assistantId: string, usage: RecordUsageBody, meta: RequestMeta): Promise<AssistantDto> {
    return this.runner.execute(assistantId, meta, () => ({
      type: 'RecordAssistantUsage',
      assistantId,
      now: new Date().toISOString(),
      data: usage,
    }));
  }
}
