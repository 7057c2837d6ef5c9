import { Controller, type OnApplicationBootstrap } from '@nestjs/common';
import {
  AssistantNotFoundError,
  composeSystemPrompt,
  countTokens,
  type ResolvedLink,
} from '@platform/assistants-domain';
import { PromptOperations, type OperationInput, type RequestMeta, type SystemPromptDto } from '@platform/contracts';
import { RpcOperation } from '@platform/service-kit';
import { PromptReadRepository } from '../../../prompts/infrastructure/prompt-read.repository';
import { AssistantReadRepository } from '../../infrastructure/assistant-read.repository';
import { resolvedVersion } from '../../prompt-links';

@Controller()
export class SystemPromptQuery implements OnApplicationBootstrap {
  constructor(
    private readonly assistants: AssistantReadRepository,
    private readonly prompts: PromptReadRepository,
  ) {}

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
    const found = await this.assistants.getWithLinkedPrompts(id, meta);
    if (!found) throw new AssistantNotFoundError(id);
    const { assistant, prompts } = found;
    const links = assistant.promptLinks;
    const pinned = links.map((l) => ({ link: l, version: resolvedVersion(l, prompts.get(l.promptId)) }));
    const versions = await this.prompts.versions(
      pinned.filter((p) => p.version !== null).map((p) => ({ promptId: p.link.promptId, version: p.version! })),
    );
    const resolved: ResolvedLink[] = pinned.map(({ link, version }) => {
      const row = version === null ? undefined : versions.get(`${link.promptId}@${version}`);
      return {
        promptId: link.promptId,
        role: link.role,
        priority: link.priority,
        conditions: link.conditions,
        version: row ? version : null,
        template: row?.template ?? null,
        variables: row?.variables ?? [],
      };
    });
    const composed = composeSystemPrompt({ assistant, links: resolved, variables });
    return {
      text: composed.text,
      tokenCount: composed.tokenCount,
      encoding: composed.encoding,
      parts: composed.parts.map(({ source, promptId, version, tokens }) => ({
        source,
        ...(promptId ? { promptId, version } : {}),
        tokens,
      })),
    };
  }
}
