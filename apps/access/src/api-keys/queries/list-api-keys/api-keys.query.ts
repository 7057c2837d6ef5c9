import { Controller } from '@nestjs/common';
import { ApiKeyNotFoundError } from '@platform/access-domain';
import { AccessOperations as Ops, type ApiKeyDto, type OperationInput } from '@platform/contracts';
import { RpcOperation } from '@platform/service-kit';
import { toApiKeyDto } from '../../api-key.mapper';
import { ApiKeyReadRepository } from '../../infrastructure/api-key-read.repository';

/** The keys as listed and read: never a secret, nor its hash. */
@Controller()
export class ApiKeysQuery {
  constructor(private readonly read: ApiKeyReadRepository) {}

  @RpcOperation(Ops.listKeys)
  list({ query }: OperationInput<typeof Ops.listKeys>) {
    return this.read.list(query);
  }

  @RpcOperation(Ops.getKey)
  async get({ params: { id } }: OperationInput<typeof Ops.getKey>): Promise<ApiKeyDto> {
    const key = await this.read.get(id);
    if (!key) throw new ApiKeyNotFoundError(id);
    return toApiKeyDto(key);
  }
}
