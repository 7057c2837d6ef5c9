import { Injectable } from '@nestjs/common';
import type { AssistantCommand } from '@platform/assistants-domain';
import type { PromptLinkDto, RequestMeta, UpdatePromptLinkBody } from '@platform/contracts';
import { PromptReadRepository } from '../../../prompts/infrastructure/prompt-read.repository';
import { CommandRunner } from '../../../shared/command-runner';
import { assistantAggregate } from '../../assistant.aggregate';
import { pinFor, toPromptLinkDto } from '../../prompt-links';

@Injectable()
export class UpdatePromptLinkHandler {
  constructor(
    private readonly runner: CommandRunner,
    private readonly prompts: PromptReadRepository,
  ) {}

  async execute(
    assistantId: string,
    promptId: string,
    body: UpdatePromptLinkBody,
    meta: RequestMeta,
  ): Promise<PromptLinkDto> {
    const prompt = await this.prompts.require(promptId);
    const { version, label, ...rest } = body;
    const pin = version !== undefined || label !== undefined ? pinFor({ version, label }, prompt) : undefined;
    const command = (): AssistantCommand => ({
      type: 'UpdatePromptLink',
      assistantId,
      now: new Date().toISOString(),
      data: { promptId, ...rest, pin },
    });
    return this.runner.execute(assistantAggregate, assistantId, meta, command, (a) =>
      toPromptLinkDto(
        a.promptLinks.find((l) => l.promptId === promptId)!,
        prompt,
      ),
    );
  }
}
