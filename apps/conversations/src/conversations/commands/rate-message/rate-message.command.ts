import { Controller } from '@nestjs/common';
import { MessageNotFoundError, type ConversationCommand } from '@platform/conversations-domain';
import { ConversationOperations, type MessageDto, type OperationInput, type RequestMeta } from '@platform/contracts';
import { CommandRunner, RpcOperation } from '@platform/service-kit';
import { conversationAggregate } from '../../conversation.aggregate';
import { ConversationReadRepository } from '../../infrastructure/conversation-read.repository';

/** Feedback reads the rated message from the history first: only assistant messages take it. */
@Controller()
export class RateMessageCommand {
  constructor(
    private readonly runner: CommandRunner,
    private readonly read: ConversationReadRepository,
  ) {}

  @RpcOperation(ConversationOperations.rateMessage)
  async rate(
    { params, body }: OperationInput<typeof ConversationOperations.rateMessage>,
    meta: RequestMeta,
  ): Promise<MessageDto> {
    const target = await this.read.rated(params.id, params.messageId);
    await this.runner.execute(
      conversationAggregate,
      params.id,
      meta,
      (c): ConversationCommand => ({
        type: 'RateMessage',
        conversationId: c.id,
        now: c.now,
        messageId: params.messageId,
        target,
        rating: body.rating,
        comment: body.comment ?? null,
      }),
      () => null,
    );
    const message = await this.read.message(params.id, params.messageId);
    if (!message) throw new MessageNotFoundError(params.messageId);
    return message;
  }
}
