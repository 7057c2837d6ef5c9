import type { ConversationCommand } from '@platform/conversations-domain';
import { Controller } from '@nestjs/common';
import { ConversationOperations, type OperationInput, type RequestMeta } from '@platform/contracts';
import { CommandRunner, RpcOperation } from '@platform/service-kit';
import { v7 as uuidv7 } from 'uuid';
import { conversationAggregate } from '../../conversation.aggregate';
import { AssistantDirectory } from '../../infrastructure/assistant-directory';

/**
 * Starting reads the assistant afresh from the assistants service: it must exist and be active right now. In an
 * environment it runs on that environment's active deployment (see AssistantDirectory.profile).
 */
@Controller()
export class StartConversationCommand {
  constructor(
    private readonly runner: CommandRunner,
    private readonly assistants: AssistantDirectory,
  ) {}

  @RpcOperation(ConversationOperations.start)
  async start({ body }: OperationInput<typeof ConversationOperations.start>, meta: RequestMeta) {
    const variables = body.contextVariables ?? {};
    const environment = body.environment ?? null;
    const assistant = await this.assistants.profile(body.assistantId, variables, meta, true, environment);
    return this.runner.execute(conversationAggregate, uuidv7(), meta, (c): ConversationCommand => ({
      type: 'StartConversation',
      conversationId: c.id,
      now: c.now,
      assistant: assistant && { id: assistant.id, status: assistant.status, ownerId: assistant.ownerId },
      budgetTokens: assistant?.budgetTokens ?? 0,
      data: {
        assistantId: body.assistantId,
        userId: body.userId ?? meta.actorId,
        title: body.title ?? null,
        environment,
        contextVariables: variables,
      },
    }));
  }
}
