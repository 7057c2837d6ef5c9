import { Controller, Injectable } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { AssistantNotFoundError } from '@platform/assistants-domain';
import { parseInput, PromptPatterns, uuidSchema, type Envelope, type PromptLinkDto } from '@platform/contracts';
import { RpcPattern } from '@platform/messaging';
import { PromptReadRepository } from '../../../prompts/infrastructure/prompt-read.repository';
import { AssistantReadRepository } from '../../infrastructure/assistant-read.repository';
import { orderLinks, toPromptLinkDto } from '../../prompt-links';

@Injectable()
export class AssistantPromptsHandler {
  constructor(
    private readonly assistants: AssistantReadRepository,
    private readonly prompts: PromptReadRepository,
  ) {}

  /** The links, primary first, then secondaries and fallbacks by priority, each with the version it resolves to. */
  async execute(id: string): Promise<{ data: PromptLinkDto[] }> {
    const assistant = await this.assistants.get(id);
    if (!assistant) throw new AssistantNotFoundError(id);
    const links = orderLinks(assistant.promptLinks ?? []);
    const prompts = await this.prompts.many(links.map((l) => l.promptId));
    return { data: links.map((l) => toPromptLinkDto(l, prompts.get(l.promptId))) };
  }
}

@Controller()
export class AssistantPromptsController {
  constructor(private readonly handler: AssistantPromptsHandler) {}

  @RpcPattern(PromptPatterns.links)
  list(@Payload() { body }: Envelope<{ id: string }>) {
    return this.handler.execute(parseInput(uuidSchema, body.id, 'id'));
  }
}
