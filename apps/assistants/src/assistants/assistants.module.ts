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
import { CommandRunner } from '../shared/command-runner';
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
  ],
  providers: [
    CommandRunner,
    AssistantReadRepository,
    CreateAssistantHandler,
    UpdateAssistantHandler,
    ArchiveAssistantHandler,
    CloneAssistantHandler,
    RecordUsageHandler,
    GetAssistantHandler,
    AssistantHistoryHandler,
  ],
})
export class AssistantsModule {}
