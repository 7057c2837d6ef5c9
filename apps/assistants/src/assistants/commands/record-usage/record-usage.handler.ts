import { Injectable } from '@nestjs/common';
import type { AssistantDto, RecordUsageBody, RequestMeta } from '@platform/contracts';
import { CommandRunner } from '../../../shared/command-runner';
import { executeAssistantCommand } from '../../assistant.aggregate';

@Injectable()
export class RecordUsageHandler {
  constructor(private readonly runner: CommandRunner) {}

  execute(assistantId: string, usage: RecordUsageBody, meta: RequestMeta): Promise<AssistantDto> {
    return executeAssistantCommand(this.runner, assistantId, meta, () => ({
      type: 'RecordAssistantUsage',
      assistantId,
      now: new Date().toISOString(),
      data: usage,
    }));
  }
}
