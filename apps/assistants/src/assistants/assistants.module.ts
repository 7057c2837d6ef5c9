import { Module } from '@nestjs/common';
import { ArchiveAssistantController } from './commands/archive-assistant/archive-assistant.controller';
import { ArchiveAssistantHandler } from './commands/archive-assistant/archive-assistant.handler';
import { CloneAssistantController } from './commands/clone-assistant/clone-assistant.controller';
import { CloneAssistantHandler } from './commands/clone-assistant/clone-assistant.handler';
import { CreateAssistantController } from './commands/create-assistant/create-assistant.controller';
import { CreateAssistantHandler } from './commands/create-assistant/create-assistant.handler';
import { RecordUsageController } from './commands/record-usage/record-usage.controller';
import { RecordUsageHandler } from './commands/record-usage/record-usage.handler';
import { UpdateAssistantController } from './commands/update-assistant/update-assistant.controller';
import { UpdateAssistantHandler } from './commands/update-assistant/update-assistant.handler';
import { PromptsModule } from '../prompts/prompts.module';
import { SharedModule } from '../shared/shared.module';
import { LinkPromptController } from './commands/link-prompt/link-prompt.controller';
import { LinkPromptHandler } from './commands/link-prompt/link-prompt.handler';
import { UnlinkPromptController } from './commands/unlink-prompt/unlink-prompt.controller';
import { UnlinkPromptHandler } from './commands/unlink-prompt/unlink-prompt.handler';
import { UpdatePromptLinkController } from './commands/update-prompt-link/update-prompt-link.controller';
import { UpdatePromptLinkHandler } from './commands/update-prompt-link/update-prompt-link.handler';
import {
  AssistantPromptsController,
  AssistantPromptsHandler,
} from './queries/assistant-prompts/assistant-prompts.query';
import {
  LinkedAssistantsController,
  LinkedAssistantsHandler,
} from './queries/linked-assistants/linked-assistants.query';
import {
  PromptSuggestionsController,
  PromptSuggestionsHandler,
} from './queries/prompt-suggestions/prompt-suggestions.query';
import { SystemPromptController, SystemPromptHandler } from './queries/system-prompt/system-prompt.query';
import { AssistantReadRepository } from './infrastructure/assistant-read.repository';
import {
  AssistantHistoryController,
  AssistantHistoryHandler,
} from './queries/assistant-history/assistant-history.query';
import { CatalogController } from './queries/catalog/catalog.query';
import { GetAssistantController, GetAssistantHandler } from './queries/get-assistant/get-assistant.query';
import { ListAssistantsController } from './queries/list-assistants/list-assistants.query';
import { PopularAssistantsController } from './queries/popular-assistants/popular-assistants.query';
import { SearchAssistantsController } from './queries/search-assistants/search-assistants.query';

@Module({
  imports: [SharedModule, PromptsModule],
  controllers: [
    CreateAssistantController,
    UpdateAssistantController,
    ArchiveAssistantController,
    CloneAssistantController,
    RecordUsageController,
    GetAssistantController,
    ListAssistantsController,
    SearchAssistantsController,
    PopularAssistantsController,
    AssistantHistoryController,
    CatalogController,
    LinkPromptController,
    UpdatePromptLinkController,
    UnlinkPromptController,
    AssistantPromptsController,
    LinkedAssistantsController,
    PromptSuggestionsController,
    SystemPromptController,
  ],
  providers: [
    AssistantReadRepository,
    CreateAssistantHandler,
    UpdateAssistantHandler,
    ArchiveAssistantHandler,
    CloneAssistantHandler,
    RecordUsageHandler,
    GetAssistantHandler,
    AssistantHistoryHandler,
    LinkPromptHandler,
    UpdatePromptLinkHandler,
    UnlinkPromptHandler,
    AssistantPromptsHandler,
    LinkedAssistantsHandler,
    PromptSuggestionsHandler,
    SystemPromptHandler,
  ],
})
export class AssistantsModule {}
