import { ConversationOperations as Ops } from '@platform/contracts';
import { byParamsId, commandController, commandsOf } from '@platform/service-kit';
import { conversationAggregate } from '../conversation.aggregate';

const command = commandsOf(conversationAggregate);

/**
 * The conversation commands that need nothing but the conversation itself. Starting, appending and rating read
 * other models first (the assistant, the history): see the folders beside.
 */
export const ConversationCommandsController = commandController(conversationAggregate, [
  command(Ops.setContext, {
    target: byParamsId,
    command: ({ body }, { id, now }) => ({
      type: 'SetContextVariables',
      conversationId: id,
      now,
      variables: body.variables,
    }),
  }),
  command(Ops.end, {
    target: byParamsId,
    command: ({ body }, { id, now }) => ({
      type: 'EndConversation',
      conversationId: id,
      now,
      reason: body.reason ?? null,
    }),
  }),
]);
