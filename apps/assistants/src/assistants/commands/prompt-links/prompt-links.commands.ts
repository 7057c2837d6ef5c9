import { Controller } from '@nestjs/common';
import type { AssistantCommand, Prompt } from '@platform/assistants-domain';
import { PromptOperations, type OperationInput, type RequestMeta } from '@platform/contracts';
import { CommandRunner, RpcOperation, type CommandContext } from '@platform/service-kit';
import { PromptReadRepository } from '../../../prompts/infrastructure/prompt-read.repository';
import { assistantAggregate } from '../../assistant.aggregate';
import { linkOf, pinFor, toPromptLinkDto } from '../../prompt-links';

type Link = typeof PromptOperations.link;
type UpdateLink = typeof PromptOperations.updateLink;

/**
 * Linking and re-pinning read the prompt read model first: the prompt must exist, and a pinned version or a
 * followed label must resolve. Both answer with the link as it is afterwards.
 */
@Controller()
export class PromptLinkCommands {
  constructor(
    private readonly runner: CommandRunner,
    private readonly prompts: PromptReadRepository,
  ) {}

  @RpcOperation(PromptOperations.link)
  async link({ params, body }: OperationInput<Link>, meta: RequestMeta) {
    const prompt = await this.prompts.require(body.promptId, meta);
    const { role, priority, conditions } = body;
    const data = { promptId: prompt.id, role, priority, conditions, pin: pinFor(body, prompt) };
    return this.run(params.id, prompt, meta, ({ id, now }) => ({ type: 'LinkPrompt', assistantId: id, now, data }));
  }

  @RpcOperation(PromptOperations.updateLink)
  async update({ params, body }: OperationInput<UpdateLink>, meta: RequestMeta) {
    const prompt = await this.prompts.require(params.promptId, meta);
    const { version, label, ...rest } = body;
    const pin = version !== undefined || label !== undefined ? pinFor({ version, label }, prompt) : undefined;
    const data = { promptId: prompt.id, ...rest, pin };
    return this.run(params.id, prompt, meta, ({ id, now }) => ({
      type: 'UpdatePromptLink',
      assistantId: id,
      now,
      data,
    }));
  }

  private run(
    assistantId: string,
    prompt: Prompt,
    meta: RequestMeta,
    build: (c: CommandContext<unknown>) => AssistantCommand,
  ) {
    return this.runner.execute(assistantAggregate, assistantId, meta, build, (a) =>
      toPromptLinkDto(linkOf(a, prompt.id), prompt),
    );
  }
}
