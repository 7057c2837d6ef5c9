import { Injectable } from '@nestjs/common';
import { AssistantNotFoundError, slugify } from '@platform/assistants-domain';
import type { AssistantDto, CloneAssistantBody, RequestMeta } from '@platform/contracts';
import { v7 as uuidv7 } from 'uuid';
import { CommandRunner } from '../../../shared/command-runner';
import { executeAssistantCommand } from '../../assistant.aggregate';
import { AssistantReadRepository } from '../../infrastructure/assistant-read.repository';

@Injectable()
export class CloneAssistantHandler {
  constructor(
    private readonly runner: CommandRunner,
    private readonly read: AssistantReadRepository,
  ) {}

  async execute(sourceId: string, body: CloneAssistantBody, meta: RequestMeta): Promise<AssistantDto> {
    const source = await this.read.get(sourceId);
    if (!source) throw new AssistantNotFoundError(sourceId);
    // The caller chose neither slug nor, perhaps, name: pick a free slug rather than fail on "-copy" twice.
    const name = body.name ?? `${source.name.slice(0, 248)} (copy)`;
    const slug = body.slug ?? (await this.read.freeSlug(slugify(name)));
    const assistantId = uuidv7();
    return executeAssistantCommand(this.runner, assistantId, { ...meta, expectedVersion: undefined }, () => ({
      type: 'CloneAssistant',
      assistantId,
      now: new Date().toISOString(),
      data: { source, name, slug, ownerId: meta.actorId },
    }));
  }
}
