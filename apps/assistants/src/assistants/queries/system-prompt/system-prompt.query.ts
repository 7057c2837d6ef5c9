import { Controller, type OnApplicationBootstrap } from '@nestjs/common';
import { AssistantNotFoundError, composeSystemPrompt, countTokens } from '@platform/assistants-domain';
import { PromptOperations, type OperationInput, type RequestMeta, type SystemPromptDto } from '@platform/contracts';
import { RpcOperation } from '@platform/service-kit';
import { CompositionReader, toSystemPromptDto } from './composition-reader';

@Controller()
export class SystemPromptQuery implements OnApplicationBootstrap {
  constructor(private readonly sources: CompositionReader) {}

  /** Building a tokenizer's tables takes about a second: pay it at start, not on the first request. */
  onApplicationBootstrap(): void {
    countTokens('warm up', 'gpt-4o');
    countTokens('warm up', 'gpt-4');
  }

  /** The exact system prompt the assistant runs with: persona, then primary (or fallback), then secondaries. */
  @RpcOperation(PromptOperations.systemPrompt)
  async compose(
    { params: { id }, body: { variables } }: OperationInput<typeof PromptOperations.systemPrompt>,
    meta: RequestMeta,
  ): Promise<SystemPromptDto> {
    const found = await this.sources.read(id, meta);
    if (!found) throw new AssistantNotFoundError(id);
    return toSystemPromptDto(composeSystemPrompt({ assistant: found.assistant, links: found.links, variables }));
  }
}
