import { Controller, Inject, Injectable } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { AssistantNotFoundError, fold, type AssistantEvent } from '@platform/assistants-domain';
import {
  AssistantPatterns,
  getAssistantQuerySchema,
  parseInput,
  uuidSchema,
  type AssistantDto,
  type Envelope,
} from '@platform/contracts';
import { EVENT_STORE, type EventStore } from '@platform/event-store';
import { RpcPattern } from '@platform/messaging';
import { VersionNotFoundError } from '../../assistant.errors';
import { assistantStreamId, toAssistantDto } from '../../assistant.mapper';
import { AssistantReadRepository } from '../../infrastructure/assistant-read.repository';

@Injectable()
export class GetAssistantHandler {
  constructor(
    private readonly read: AssistantReadRepository,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  /** The current assistant from the read model, or the assistant as it was at `version`, folded from its events. */
  async execute(id: string, version?: number): Promise<AssistantDto> {
    if (version === undefined) {
      const current = await this.read.get(id);
      if (!current) throw new AssistantNotFoundError(id);
      return toAssistantDto(current);
    }
    const events = await this.store.readStream(assistantStreamId(id), { toRevision: version });
    if (events.length === 0) throw new AssistantNotFoundError(id);
    if (events.length < version) throw new VersionNotFoundError(id, version);
    const state = fold(events as unknown as AssistantEvent[]);
    if (state.kind !== 'existing') throw new AssistantNotFoundError(id);
    return toAssistantDto(state.assistant);
  }
}

@Controller()
export class GetAssistantController {
  constructor(private readonly handler: GetAssistantHandler) {}

  @RpcPattern(AssistantPatterns.get)
  get(@Payload() { body }: Envelope<{ id: string; query?: unknown }>) {
    const { version } = parseInput(getAssistantQuerySchema, body.query ?? {});
    return this.handler.execute(parseInput(uuidSchema, body.id, 'id'), version);
  }
}
