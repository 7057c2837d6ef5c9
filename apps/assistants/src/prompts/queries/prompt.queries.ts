import { Controller } from '@nestjs/common';
import { PromptLabelNotFoundError, PromptVersionNotFoundError } from '@platform/assistants-domain';
import { PromptOperations as Ops, type OperationInput, type PromptDto, type RequestMeta } from '@platform/contracts';
import { RpcOperation } from '@platform/service-kit';
import { PromptReadRepository } from '../infrastructure/prompt-read.repository';
import { toPromptDto } from '../prompt.mapper';

/** Reads of the prompt read model: one prompt at a version or label, the list, and a prompt's versions. */
@Controller()
export class PromptQueries {
  constructor(private readonly read: PromptReadRepository) {}

  /** The latest version, a numbered version, or the version a label points to now. */
  @RpcOperation(Ops.get)
  async get({ params: { id }, query: q }: OperationInput<typeof Ops.get>, meta: RequestMeta): Promise<PromptDto> {
    const prompt = await this.read.require(id, meta);
    if (q.version === undefined && q.label === undefined) return toPromptDto(prompt);
    const version = q.version ?? prompt.labels[q.label!];
    if (version === undefined) throw new PromptLabelNotFoundError(id, q.label!);
    const row = await this.read.version(id, version);
    if (!row) throw new PromptVersionNotFoundError(id, version);
    return toPromptDto(prompt, row);
  }

  @RpcOperation(Ops.list)
  list({ query }: OperationInput<typeof Ops.list>, meta: RequestMeta) {
    return this.read.list(query, meta);
  }

  @RpcOperation(Ops.versions)
  versions({ params, query }: OperationInput<typeof Ops.versions>, meta: RequestMeta) {
    return this.read.versionPage(params.id, query, meta);
  }
}
