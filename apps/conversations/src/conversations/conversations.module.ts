import { Module } from '@nestjs/common';
import { AppendMessageCommand } from './commands/append-message/append-message.command';
import { ConversationCommandsController } from './commands/conversation.commands';
import { RateMessageCommand } from './commands/rate-message/rate-message.command';
import { StartConversationCommand } from './commands/start-conversation/start-conversation.command';
import { GenerationStream } from './generation/generation-stream';
import { ModelProvider } from './generation/model-provider';
import { ReplyGenerator } from './generation/reply-generator';
import { IdleTimeout } from './idle/idle-timeout';
import { AssistantDirectory } from './infrastructure/assistant-directory';
import { ConversationFactsCache } from './infrastructure/conversation-facts';
import { ConversationReadRepository } from './infrastructure/conversation-read.repository';
import { ConversationQueries } from './queries/conversation.queries';

@Module({
  controllers: [
    StartConversationCommand,
    ConversationCommandsController,
    AppendMessageCommand,
    RateMessageCommand,
    ConversationQueries,
  ],
  providers: [
    ConversationReadRepository,
    AssistantDirectory,
    ConversationFactsCache,
    ModelProvider,
    ReplyGenerator,
    GenerationStream,
    IdleTimeout,
  ],
})
export class ConversationsModule {}
