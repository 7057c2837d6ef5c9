import { Controller } from '@nestjs/common';
import { AssistantNotFoundError, PromptLinkNotFoundError, type Assistant } from '@platform/assistants-domain';
import {
  PromptOperations,
  type OperationInput,
  type Page,
  type PromptLinkDto,
  type RequestMeta,
} from '@platform/contracts';
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
  async links(
    { params }: OperationInput<typeof PromptOperations.links>,
    meta: RequestMeta,
  ): Promise<Page<PromptLinkDto>> {
    const assistant = await this.assistant(params.id, meta);
    const links = orderLinks(assistant.promptLinks);
    const prompts = await this.prompts.many(links.map((l) => l.promptId));
    // The links are part of the assistant, read whole: the one page is complete.
    return { data: links.map((l) => toPromptLinkDto(l, prompts.get(l.promptId))), nextCursor: null };
  }

  /** One link, as `Location` of a created link names it. */
  @RpcOperation(PromptOperations.getLink)
  async link({ params }: OperationInput<typeof PromptOperations.getLink>, meta: RequestMeta): Promise<PromptLinkDto> {
    const assistant = await this.assistant(params.id, meta);
    const link = assistant.promptLinks.find((l) => l.promptId === params.promptId);
    if (!link) throw new PromptLinkNotFoundError(params.promptId);
    return toPromptLinkDto(link, (await this.prompts.get(link.promptId)) ?? undefined);
  }

  private async assistant(id: string, meta: RequestMeta): Promise<Assistant> {
    const assistant = await this.assistants.get(id, meta);
    if (!assistant) throw new AssistantNotFoundError(id);
    return assistant;
  }
}
