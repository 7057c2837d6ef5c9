import { Injectable } from '@nestjs/common';
import type { AssistantCommand } from '@platform/assistants-domain';
import type { LinkPromptBody, PromptLinkDto, RequestMeta } from '@platform/contracts';
import { PromptReadRepository } from '../../../prompts/infrastructure/prompt-read.repository';
import { CommandRunner } from '../../../shared/command-runner';
import { assistantAggregate } from '../../assistant.aggregate';
import { pinFor, toPromptLinkDto } from '../../prompt-links';

@Injectable()
export class LinkPromptHandler {
  constructor(
    private readonly runner: CommandRunner,
    private readonly prompts: PromptReadRepository,
  ) {}

  async execute(assistantId: string, body: LinkPromptBody, meta: RequestMeta): Promise<PromptLinkDto> {
    const prompt = await this.prompts.require(body.promptId);
    const pin = pinFor(body, prompt);
    const command = (): AssistantCommand => ({
      type: 'LinkPrompt',
      assistantId,
      now: new Date().toISOString(),
      data: { promptId: prompt.id, role: body.role, priority: body.priority, conditions: body.conditions, pin },
    });
    return this.runner.execute(assistantAggregate, assistantId, meta, command, (a) =>
      toPromptLinkDto(
        a.promptLinks.find((l) => l.promptId === prompt.id)!,
        prompt,
      ),
    );
  }
}
