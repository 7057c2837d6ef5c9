import { Injectable } from '@nestjs/common';
import type { AssistantDto, RequestMeta } from '@platform/contracts';
import { CommandRunner } from '../../../shared/command-runner';
import { executeAssistantCommand } from '../../assistant.aggregate';

@Injectable()
export class ArchiveAssistantHandler {
  constructor(private readonly runner: CommandRunner) {}

  execute(assistantId: string, meta: RequestMeta): Promise<AssistantDto> {
    return executeAssistantCommand(this.runner, assistantId, meta, () => ({
      type: 'ArchiveAssistant',
      assistantId,
      now: new Date().toISOString(),
    }));
  }
}
