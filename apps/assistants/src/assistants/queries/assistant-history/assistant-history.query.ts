import { Controller, Inject, Injectable } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { AssistantNotFoundError } from '@platform/assistants-domain';
import {
  AssistantPatterns,
  decodeCursor,
  encodeCursor,
  historyQuerySchema,
  parseInput,
  uuidSchema,
  type AssistantHistoryEntryDto,
  type Envelope,
  type HistoryQuery,
  type Page,
} from '@platform/contracts';
import { EVENT_STORE, type EventStore } from '@platform/event-store';
import { RpcPattern } from '@platform/messaging';
import { assistantStreamId } from '../../assistant.mapper';

const isRevision = (v: unknown): v is { v: number } => Number.isInteger((v as { v: number })?.v);

@Injectable()
export class AssistantHistoryHandler {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  /** The assistant's own events, oldest first: revisions are contiguous, so a page is a revision range. */
  async execute(id: string, q: HistoryQuery): Promise<Page<AssistantHistoryEntryDto>> {
    const from = (decodeCursor(q.cursor, isRevision)?.v ?? 0) + 1;
    const events = await this.store.readStream(assistantStreamId(id), {
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

@Controller()
export class AssistantHistoryController {
  constructor(private readonly handler: AssistantHistoryHandler) {}

  @RpcPattern(AssistantPatterns.history)
  history(@Payload() { body }: Envelope<{ id: string; query?: unknown }>) {
    return this.handler.execute(
      parseInput(uuidSchema, body.id, 'id'),
      parseInput(historyQuerySchema, body.query ?? {}),
    );
  }
}
