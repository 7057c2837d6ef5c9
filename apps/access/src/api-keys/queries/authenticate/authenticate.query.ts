import { Controller, Inject } from '@nestjs/common';
import { apiKeyStatus } from '@platform/access-domain';
import { AccessOperations as Ops, type OperationInput, type PrincipalDto } from '@platform/contracts';
import { RpcOperation } from '@platform/service-kit';
import { UnauthenticatedError } from '../../api-key.errors';
import { rateLimitOf } from '../../api-key.mapper';
import { ApiKeyReadRepository } from '../../infrastructure/api-key-read.repository';
import { ApiKeySecrets } from '../../infrastructure/api-key-secrets';

// Hashed when the token names no key, so an unknown key costs the same HMAC and comparison as a wrong secret.
const NO_HASH = '0'.repeat(64);

/** The gateway's question for a bearer token: whose key is it? Every refusal is the same generic 401. */
@Controller()
export class AuthenticateQuery {
  constructor(
    private readonly read: ApiKeyReadRepository,
    @Inject(ApiKeySecrets) private readonly secrets: ApiKeySecrets,
  ) {}

  @RpcOperation(Ops.authenticate)
  async authenticate({ body: { token } }: OperationInput<typeof Ops.authenticate>): Promise<PrincipalDto> {
    const keyId = this.secrets.keyIdOf(token);
    if (keyId === undefined) throw new UnauthenticatedError();
    const key = await this.read.get(keyId);
    const matches = this.secrets.matches(token, key?.secretHash ?? NO_HASH);
    if (!key || !matches || apiKeyStatus(key, new Date().toISOString()) !== 'active') {
      throw new UnauthenticatedError();
    }
    return {
      keyId: key.id,
      role: key.role,
      ownerId: key.ownerId,
      rateLimitPerMinute: rateLimitOf(key),
      expiresAt: key.expiresAt,
    };
  }
}
