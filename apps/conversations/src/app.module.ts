import { Module } from '@nestjs/common';
import { RpcClientModule } from '@platform/messaging';
import { ServiceKitModule } from '@platform/service-kit';
import { ConversationsModule } from './conversations/conversations.module';
import { currentSchemaVersions, inlineProjections, migrations, upcasters } from './read-models';

@Module({
  imports: [
    ServiceKitModule.forRoot({
      name: 'conversations',
      projections: inlineProjections,
      migrations,
      upcasters,
      currentSchemaVersions,
    }),
    // Asks the assistants service about assistants (see conversations/infrastructure/assistant-directory.ts).
    RpcClientModule.forRoot({ name: 'conversations-rpc' }),
    ConversationsModule,
  ],
})
export class AppModule {}
