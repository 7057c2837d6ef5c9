import { Controller, Inject } from '@nestjs/common';
import { AssistantNotFoundError } from '@platform/assistants-domain';
import {
  AssistantOperations,
  decodeCursor,
  encodeCursor,
  type AssistantHistoryEntryDto,
  type OperationInput,
  type Page,
} from '@platform/contracts';
import { EVENT_STORE, type EventStore } from '@platform/event-store';
import { RpcOperation, streamIdOf } from '@platform/service-kit';
import { assistantAggregate } from '../../assistant.aggregate';

const isRevision = (v: unknown): v is { v: number } => Number.isInteger((v as { v: number })?.v);

@Controller()
export class AssistantHistoryQuery {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  /** The assistant's own events, oldest first: revisions are contiguous, so a page is a revision range. */
  @RpcOperation(AssistantOperations.history)
  async history({
    params: { id },
    query: q,
  }: OperationInput<typeof AssistantOperations.history>): Promise<Page<AssistantHistoryEntryDto>> {
    const from = (decodeCursor(q.cursor, isRevision)?.v ?? 0) + 1;
    const events = await this.store.readStream(streamIdOf(assistantAggregate, id), {
      fromRevision: from,
      toRevision: from + q.limit,
    });
    if (events.length === 0 && from === 1) throw new AssistantNotFoundError(id);
    const shown = events.slice(0, q.limit);
    return {
      data: shown.map((e) => ({
        eventId: e.id,
        type: e.type,
        version: e.revision,
        occurredAt: e.metadata.occurredAt,
        actorId: e.metadata.actorId,
        correlationId: e.metadata.correlationId,
        change: e.data,
      })),
      nextCursor: events.length > q.limit ? encodeCursor({ v: shown[shown.length - 1].revision }) : null,
    };
  }
}
