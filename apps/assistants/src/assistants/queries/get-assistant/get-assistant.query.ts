import { Controller, Inject } from '@nestjs/common';
import { AssistantNotFoundError, fold, type AssistantEvent } from '@platform/assistants-domain';
import { AssistantOperations, type AssistantDto, type OperationInput, type RequestMeta } from '@platform/contracts';
import { EVENT_STORE, type EventStore } from '@platform/event-store';
import { RpcOperation, streamIdOf } from '@platform/service-kit';
import { assistantAggregate } from '../../assistant.aggregate';
import { VersionNotFoundError } from '../../assistant.errors';
import { toAssistantDto } from '../../assistant.mapper';
import { AssistantReadRepository } from '../../infrastructure/assistant-read.repository';

@Controller()
export class GetAssistantQuery {
  constructor(
    private readonly read: AssistantReadRepository,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  /** The current assistant from the read model, or the assistant as it was at `version`, folded from its events. */
  @RpcOperation(AssistantOperations.get)
  async get(
    { params: { id }, query: { version } }: OperationInput<typeof AssistantOperations.get>,
    meta: RequestMeta,
  ): Promise<AssistantDto> {
    // The owner never changes: the current assistant says whether this caller may see any of its versions.
    const current = await this.read.get(id, meta);
    if (!current) throw new AssistantNotFoundError(id);
    if (version === undefined) return toAssistantDto(current);
    const events = await this.store.readStream(streamIdOf(assistantAggregate, id), { toRevision: version });
    if (events.length === 0) throw new AssistantNotFoundError(id);
    if (events.length < version) throw new VersionNotFoundError(id, version);
    const state = fold(events as unknown as AssistantEvent[]);
    if (state.kind !== 'existing') throw new AssistantNotFoundError(id);
    return toAssistantDto(state.assistant);
  }
}
