import { Controller } from '@nestjs/common';
import { AssistantNotFoundError } from '@platform/assistants-domain';
import { PromptOperations, type OperationInput, type Page, type PromptLinkDto } from '@platform/contracts';
import { RpcOperation } from '@platform/service-kit';
import { PromptReadRepository } from '../../../prompts/infrastructure/prompt-read.repository';
import { AssistantReadRepository } from '../../infrastructure/assistant-read.repository';
import { orderLinks, toPromptLinkDto } from '../../prompt-links';

@Controller()
export class AssistantPromptsQuery {
  constructor(
    private readonly assistants: AssistantReadRepository,
    private readonly prompts: PromptReadRepository,
  ) {}

  /** The links, primary first, then secondaries and fallbacks by priority, each with the version it resolves to. */
  @RpcOperation(PromptOperations.links)
  async links({ params }: OperationInput<typeof PromptOperations.links>): Promise<Page<PromptLinkDto>> {
    const assistant = await this.assistants.get(params.id);
    if (!assistant) throw new AssistantNotFoundError(params.id);
    const links = orderLinks(assistant.promptLinks);
    const prompts = await this.prompts.many(links.map((l) => l.promptId));
    // The links are part of the assistant, read whole: the one page is complete.
    return { data: links.map((l) => toPromptLinkDto(l, prompts.get(l.promptId))), nextCursor: null };
  }
}
