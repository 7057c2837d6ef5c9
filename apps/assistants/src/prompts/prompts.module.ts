import { Module } from '@nestjs/common';
import { SharedModule } from '../shared/shared.module';
import { CreatePromptController } from './commands/create-prompt/create-prompt.controller';
import { CreatePromptHandler } from './commands/create-prompt/create-prompt.handler';
import { MovePromptLabelController } from './commands/move-prompt-label/move-prompt-label.controller';
import { MovePromptLabelHandler } from './commands/move-prompt-label/move-prompt-label.handler';
import { RemovePromptLabelController } from './commands/remove-prompt-label/remove-prompt-label.controller';
import { RemovePromptLabelHandler } from './commands/remove-prompt-label/remove-prompt-label.handler';
import { RevisePromptController } from './commands/revise-prompt/revise-prompt.controller';
import { RevisePromptHandler } from './commands/revise-prompt/revise-prompt.handler';
import { PromptReadRepository } from './infrastructure/prompt-read.repository';
import { GetPromptController, GetPromptHandler } from './queries/get-prompt/get-prompt.query';
import { ListPromptsController } from './queries/list-prompts/list-prompts.query';
import { PromptVersionsController } from './queries/prompt-versions/prompt-versions.query';

@Module({
  imports: [SharedModule],
  controllers: [
    CreatePromptController,
    RevisePromptController,
    MovePromptLabelController,
    RemovePromptLabelController,
    GetPromptController,
    ListPromptsController,
    PromptVersionsController,
  ],
  providers: [
    PromptReadRepository,
    CreatePromptHandler,
    RevisePromptHandler,
    MovePromptLabelHandler,
    RemovePromptLabelHandler,
    GetPromptHandler,
  ],
  exports: [PromptReadRepository],
})
export class PromptsModule {}
