import { Injectable } from '@nestjs/common';
import type { AssistantDto, CreateAssistantBody, RequestMeta } from '@platform/contracts';
import { v7 as uuidv7 } from 'uuid';
import { AssistantCommandRunner } from '../../infrastructure/assistant-command-runner';

@Injectable()
export class CreateAssistantHandler {
  constructor(private readonly runner: AssistantCommandRunner) {}

  execute(body: CreateAssistantBody, meta: RequestMeta): Promise<AssistantDto> {
    const assistantId = uuidv7();
    return this.runner.execute(assistantId, meta, () => ({
      type: 'CreateAssistant',
      assistantId,
      now: new Date().toISOString(),
      data: { ...body, ownerId: meta.actorId },
    }));
  }
}
