import { AssistantOperations, ownerOfNew, PromptOperations } from '@platform/contracts';
import { byParamsId, commandController, commandsOf } from '@platform/service-kit';
import { assistantAggregate } from '../assistant.aggregate';

const command = commandsOf(assistantAggregate);

/**
 * The assistant commands that need nothing but the assistant itself: the operation that carries each, and how
 * its input becomes the domain command. Clone and the prompt links read other models: see the folders beside.
 */
export const AssistantCommandsController = commandController(assistantAggregate, [
  command(AssistantOperations.create, {
    command: ({ body }, { id, now, meta }) => ({
      type: 'CreateAssistant',
      assistantId: id,
      now,
      data: { ...body, ownerId: ownerOfNew(meta) },
    }),
  }),
  command(AssistantOperations.update, {
    target: byParamsId,
    command: ({ body }, { id, now }) => ({ type: 'UpdateAssistant', assistantId: id, now, data: body }),
  }),
  command(AssistantOperations.archive, {
    target: byParamsId,
    command: (_, { id, now }) => ({ type: 'ArchiveAssistant', assistantId: id, now }),
  }),
  command(AssistantOperations.recordUsage, {
    target: byParamsId,
    command: ({ body }, { id, now }) => ({ type: 'RecordAssistantUsage', assistantId: id, now, data: body }),
  }),
  command(PromptOperations.unlink, {
    target: byParamsId,
    command: ({ params }, { id, now }) => ({
      type: 'UnlinkPrompt',
      assistantId: id,
      now,
      data: { promptId: params.promptId },
    }),
  }),
]);
