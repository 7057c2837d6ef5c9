import { Module } from '@nestjs/common';
import { PromptCommandsController } from './commands/prompt.commands';
import { PromptReadRepository } from './infrastructure/prompt-read.repository';
import { PromptQueries } from './queries/prompt.queries';

@Module({
  controllers: [PromptCommandsController, PromptQueries],
  providers: [PromptReadRepository],
  exports: [PromptReadRepository],
})
export class PromptsModule {}
