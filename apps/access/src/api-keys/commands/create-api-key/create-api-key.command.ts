import { Controller, Inject } from '@nestjs/common';
import type { ApiKeyCommand } from '@platform/access-domain';
import {
  AccessOperations,
  type CreatedApiKeyDto,
  type OperationInput,
  type RequestMeta,
} from '@platform/contracts';
import { CommandRunner, RpcOperation } from '@platform/service-kit';
import { v7 as uuidv7 } from 'uuid';
import { apiKeyAggregate } from '../../api-key.aggregate';
import { toApiKeyDto } from '../../api-key.mapper';
import { ApiKeySecrets } from '../../infrastructure/api-key-secrets';

/**
 * Creates a key and answers with its secret, the only time it is shown. The secret is made here, outside the
 * decider, which only sees its hash. With an Idempotency-Key the answer is recorded with the secret sealed, so a
 * repeated request answers the same key and secret and no plaintext secret is ever stored.
 */
@Controller()
export class CreateApiKeyCommand {
  constructor(
    @Inject(CommandRunner) private readonly runner: CommandRunner,
    @Inject(ApiKeySecrets) private readonly secrets: ApiKeySecrets,
  ) {}

  @RpcOperation(AccessOperations.createKey)
  async create({ body }: OperationInput<typeof AccessOperations.createKey>, meta: RequestMeta): Promise<CreatedApiKeyDto> {
    const id = uuidv7();
    const { secret, hash } = this.secrets.issue(id);
    const { sealedSecret, ...key } = await this.runner.execute(
      apiKeyAggregate,
      id,
      meta,
      ({ now }): ApiKeyCommand => ({
        type: 'CreateApiKey',
        keyId: id,
        now,
        secretHash: hash,
        createdBy: meta.actorId,
        data: body,
      }),
      (doc) => ({ ...toApiKeyDto(doc), sealedSecret: this.secrets.seal(secret) }),
    );
    return { ...key, secret: this.secrets.unseal(sealedSecret) };
  }
}
