import { ownerOfNew, PromptOperations } from '@platform/contracts';
import { byParamsId, commandController, commandsOf, type CommandContext } from '@platform/service-kit';
import { promptAggregate } from '../prompt.aggregate';

const command = commandsOf(promptAggregate);
const prompt = ({ id, now, meta }: CommandContext<unknown>) => ({ promptId: id, now, actorId: meta.actorId });

/**
 * Prompt commands: a real change through revise makes a new immutable version and moves `latest`; moving a label
 * is how a version is promoted (to `production`, say) or rolled back.
 */
export const PromptCommandsController = commandController(promptAggregate, [
  command(PromptOperations.create, {
    command: ({ body }, c) => ({ type: 'CreatePrompt', ...prompt(c), ownerId: ownerOfNew(c.meta), data: body }),
  }),
  command(PromptOperations.revise, {
    target: byParamsId,
    command: ({ body }, c) => ({ type: 'RevisePrompt', ...prompt(c), data: body }),
  }),
  command(PromptOperations.moveLabel, {
    target: byParamsId,
    command: ({ body }, c) => ({ type: 'MovePromptLabel', ...prompt(c), data: body }),
  }),
  command(PromptOperations.removeLabel, {
    target: byParamsId,
    command: ({ params }, c) => ({ type: 'RemovePromptLabel', ...prompt(c), data: { label: params.label } }),
  }),
]);
