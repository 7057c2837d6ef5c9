import { Module } from '@nestjs/common';
import { ApiKeyCommandsController } from './commands/api-key.commands';
import { CreateApiKeyCommand } from './commands/create-api-key/create-api-key.command';
import { ApiKeyReadRepository } from './infrastructure/api-key-read.repository';
import { ApiKeySecrets } from './infrastructure/api-key-secrets';
import { AuthenticateQuery } from './queries/authenticate/authenticate.query';
import { ApiKeysQuery } from './queries/list-api-keys/api-keys.query';

@Module({
  controllers: [CreateApiKeyCommand, ApiKeyCommandsController, ApiKeysQuery, AuthenticateQuery],
  providers: [ApiKeyReadRepository, ApiKeySecrets],
})
export class ApiKeysModule {}
