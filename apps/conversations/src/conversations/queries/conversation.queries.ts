import { Controller } from '@nestjs/common';
import { ConversationNotFoundError, type Conversation } from '@platform/conversations-domain';
import {
  ConversationOperations as Ops,
  type ConversationSummaryDto,
  type ConversationWithContextDto,
  type OperationInput,
  type RequestMeta,
} from '@platform/contracts';
import { RpcOperation } from '@platform/service-kit';
import { toConversationWithContextDto } from '../conversation.mapper';
import { ConversationReadRepository } from '../infrastructure/conversation-read.repository';

const round2 = (n: number) => Math.round(n * 100) / 100;

/** Reads over the conversation read models: one conversation with its context, lists, history, summary. */
@Controller()
export class ConversationQueries {
  constructor(private readonly read: ConversationReadRepository) {}

  @RpcOperation(Ops.get)
  async get({ params }: OperationInput<typeof Ops.get>, meta: RequestMeta): Promise<ConversationWithContextDto> {
    const found = await this.read.withWindow(params.id, meta);
    if (!found) throw new ConversationNotFoundError(params.id);
    return toConversationWithContextDto(found.conversation, found.window);
  }

  @RpcOperation(Ops.list)
  list({ query }: OperationInput<typeof Ops.list>, meta: RequestMeta) {
    return this.read.list(query, meta);
  }

  @RpcOperation(Ops.active)
  active({ query }: OperationInput<typeof Ops.active>, meta: RequestMeta) {
    return this.read.active(query, meta);
  }

  @RpcOperation(Ops.messages)
  async messages({ params, query }: OperationInput<typeof Ops.messages>, meta: RequestMeta) {
    const page = await this.read.messages(params.id, query, meta);
    if (!page) throw new ConversationNotFoundError(params.id);
    return page;
  }

  @RpcOperation(Ops.summary)
  async summary({ params }: OperationInput<typeof Ops.summary>, meta: RequestMeta): Promise<ConversationSummaryDto> {
    const c = await this.existing(params.id, meta);
    const until = Date.parse(c.endedAt ?? c.lastActivityAt);
    return {
      messageCount: c.messageCount,
      byRole: c.byRole,
      tokenCount: c.tokenCount,
      durationMs: Math.max(0, until - Date.parse(c.startedAt)),
      avgResponseTimeMs: c.responseTimeSamples ? round2(c.responseTimeTotalMs / c.responseTimeSamples) : null,
      feedback: { count: c.feedbackCount, average: c.feedbackCount ? round2(c.feedbackTotal / c.feedbackCount) : null },
      summary: c.context.summary?.text ?? null,
    };
  }

  private async existing(id: string, meta: RequestMeta): Promise<Conversation> {
    const c = await this.read.get(id, meta);
    if (!c) throw new ConversationNotFoundError(id);
    return c;
  }
}
