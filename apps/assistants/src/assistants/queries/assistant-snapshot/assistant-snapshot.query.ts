import { Controller } from '@nestjs/common';
import { AssistantNotFoundError, composeSystemPrompt, MissingVariablesError } from '@platform/assistants-domain';
import {
  PromptOperations,
  type AssistantSnapshotDto,
  type OperationInput,
  type RequestMeta,
} from '@platform/contracts';
import { RpcOperation } from '@platform/service-kit';
import { toAssistantDto } from '../../assistant.mapper';
import { orderLinks, toPromptLinkDto } from '../../prompt-links';
import { CompositionReader, toSystemPromptDto } from '../system-prompt/composition-reader';

/**
 * Bus only, for the deployments service: the assistant, its links with the versions they resolve to, and its system
 * prompt composed with every variable at its default, all from one reading (see CompositionReader). Asking for the
 * assistant, its links and its prompt apart took three rounds of requests and could pair parts of different
 * versions; here the links' versions are the ones the prompt was composed from, and both are the assistant's.
 */
@Controller()
export class AssistantSnapshotQuery {
  constructor(private readonly sources: CompositionReader) {}

  @RpcOperation(PromptOperations.snapshot)
  async snapshot(
    { params: { id } }: OperationInput<typeof PromptOperations.snapshot>,
    meta: RequestMeta,
  ): Promise<AssistantSnapshotDto> {
    const found = await this.sources.read(id, meta);
    if (!found) throw new AssistantNotFoundError(id);
    const { assistant, prompts, links } = found;
    let systemPrompt: AssistantSnapshotDto['systemPrompt'] = null;
    let missingVariables: string[] = [];
    try {
      systemPrompt = toSystemPromptDto(composeSystemPrompt({ assistant, links, variables: {} }));
    } catch (err) {
      if (!(err instanceof MissingVariablesError)) throw err;
      missingVariables = err.names;
    }
    return {
      assistant: toAssistantDto(assistant),
      links: orderLinks(assistant.promptLinks).map((l) => toPromptLinkDto(l, prompts.get(l.promptId))),
      systemPrompt,
      missingVariables,
    };
  }
}
