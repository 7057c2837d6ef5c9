import { Controller } from '@nestjs/common';
import { AssistantNotFoundError, slugify, type AssistantCommand } from '@platform/assistants-domain';
import { AssistantOperations, ownerOfNew, type OperationInput, type RequestMeta } from '@platform/contracts';
import { CommandRunner, RpcOperation } from '@platform/service-kit';
import { v7 as uuidv7 } from 'uuid';
import { assistantAggregate } from '../../assistant.aggregate';
import { AssistantReadRepository } from '../../infrastructure/assistant-read.repository';

/** Cloning reads the source from the read model and picks a free slug before the new assistant decides. */
@Controller()
export class CloneAssistantCommand {
  constructor(
    private readonly runner: CommandRunner,
    private readonly read: AssistantReadRepository,
  ) {}

  @RpcOperation(AssistantOperations.clone)
  async clone({ params, body }: OperationInput<typeof AssistantOperations.clone>, meta: RequestMeta) {
    const source = await this.read.get(params.id, meta);
    if (!source) throw new AssistantNotFoundError(params.id);
    // The caller chose neither slug nor, perhaps, name: pick a free slug rather than fail on "-copy" twice.
    const name = body.name ?? `${source.name.slice(0, 248)} (copy)`;
    const slug = body.slug ?? (await this.read.freeSlug(slugify(name)));
    // If-Match speaks of the source; the clone is new.
    return this.runner.execute(
      assistantAggregate,
      uuidv7(),
      { ...meta, expectedVersion: undefined },
      (c): AssistantCommand => ({
        type: 'CloneAssistant',
        assistantId: c.id,
        now: c.now,
        data: { source, name, slug, ownerId: ownerOfNew(meta) },
      }),
    );
  }
}
