import { Injectable } from '@nestjs/common';
import type { AssistantDto, CreateAssistantBody, RequestMeta } from '@platform/contracts';
import { v7 as uuidv7 } from 'uuid';
import { CommandRunner } from '../../../shared/command-runner';
import { executeAssistantCommand } from '../../assistant.aggregate';

@Injectable()
export class CreateAssistantHandler {
  constructor(private readonly runner: CommandRunner) {}

  execute(body: CreateAssistantBody, meta: RequestMeta): Promise<AssistantDto> {
    const assistantId = uuidv7();
    return executeAssistantCommand(this.runner, assistantId, meta, () => ({
      type: 'CreateAssistant',
      assistantId,
      now: new Date().toISOString(),
      data: { ...body, ownerId: meta.actorId },
    }));
  }
}
