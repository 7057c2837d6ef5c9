import { AccessOperations } from '@platform/contracts';
import { byParamsId, commandController, commandsOf } from '@platform/service-kit';
import { apiKeyAggregate } from '../api-key.aggregate';

const command = commandsOf(apiKeyAggregate);

/** The key commands that need nothing but the key itself. Creating one issues a secret: see create-api-key/. */
export const ApiKeyCommandsController = commandController(apiKeyAggregate, [
  command(AccessOperations.revokeKey, {
    target: byParamsId,
    command: (_, { id, now }) => ({ type: 'RevokeApiKey', keyId: id, now }),
  }),
]);
