import { Controller, Inject } from '@nestjs/common';
import { AssistantNotFoundError } from '@platform/assistants-domain';
import {
  AssistantOperations,
  type AssistantHistoryEntryDto,
  type OperationInput,
  ownerScope,
  type Page,
  type RequestMeta,
} from '@platform/contracts';
import { EVENT_STORE, type EventStore } from '@platform/event-store';
import { CursorSchemas, Paging, RpcOperation, streamIdOf } from '@platform/service-kit';
import { assistantAggregate } from '../../assistant.aggregate';
import { AssistantReadRepository } from '../../infrastructure/assistant-read.repository';

@Controller()
export class AssistantHistoryQuery {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly paging: Paging,
    private readonly read: AssistantReadRepository,
  ) {}

  /** The assistant's own events, oldest first: revisions are contiguous, so a page is a revision range. */
  @RpcOperation(AssistantOperations.history)
  async history(
    { params: { id }, query: q }: OperationInput<typeof AssistantOperations.history>,
    meta: RequestMeta,
  ): Promise<Page<AssistantHistoryEntryDto>> {
    if (ownerScope(meta) !== undefined && !(await this.read.get(id, meta))) throw new AssistantNotFoundError(id);
    const from = (this.paging.decode(q.cursor, CursorSchemas.sequence)?.v ?? 0) + 1;
    const events = await this.store.readStream(streamIdOf(assistantAggregate, id), {
      fromRevision: from,
      toRevision: from + q.limit,
    });
    if (events.length === 0 && from === 1) throw new AssistantNotFoundError(id);
    return this.paging.page(
      events,
      q.limit,
      (e) => ({
        eventId: e.id,
        type: e.type,
        version: e.revision,
        occurredAt: e.metadata.occurredAt,
        actorId: e.metadata.actorId,
        correlationId: e.metadata.correlationId,
        change: e.data,
      }),
      (e) => ({ v: e.revision }),
    );
  }
}
