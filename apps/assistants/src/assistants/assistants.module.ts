import { Module } from '@nestjs/common';
import { PromptsModule } from '../prompts/prompts.module';
import { AssistantCommandsController } from './commands/assistant.commands';
import { CloneAssistantCommand } from './commands/clone-assistant/clone-assistant.command';
import { PromptLinkCommands } from './commands/prompt-links/prompt-links.commands';
import { AssistantReadRepository } from './infrastructure/assistant-read.repository';
import { AssistantHistoryQuery } from './queries/assistant-history/assistant-history.query';
import { AssistantPromptsQuery } from './queries/assistant-prompts/assistant-prompts.query';
import { AssistantSnapshotQuery } from './queries/assistant-snapshot/assistant-snapshot.query';
import { BrowseAssistantsQuery } from './queries/browse-assistants/browse-assistants.query';
import { GetAssistantQuery } from './queries/get-assistant/get-assistant.query';
import { LinkedAssistantsQuery } from './queries/linked-assistants/linked-assistants.query';
import { PromptSuggestionsQuery } from './queries/prompt-suggestions/prompt-suggestions.query';
import { CompositionReader } from './queries/system-prompt/composition-reader';
import { SystemPromptQuery } from './queries/system-prompt/system-prompt.query';

@Module({
  imports: [PromptsModule],
  controllers: [
    AssistantCommandsController,
    CloneAssistantCommand,
    PromptLinkCommands,
    GetAssistantQuery,
    BrowseAssistantsQuery,
    AssistantHistoryQuery,
    AssistantPromptsQuery,
    LinkedAssistantsQuery,
    PromptSuggestionsQuery,
    SystemPromptQuery,
    AssistantSnapshotQuery,
  ],
  providers: [AssistantReadRepository, CompositionReader],
})
export class AssistantsModule {}
