import { Module } from '@nestjs/common';
import { EventStoreModule } from '@platform/event-store';
import { AssistantsModule } from './assistants/assistants.module';
import { RelayHost } from './relay.host';
import { idempotencyMigration } from './shared/idempotency';
import { assistantViewMigrations, ASSISTANTS_SCHEMA } from './assistants/projections/assistant-view.migrations';
import { assistantViewProjection } from './assistants/projections/assistant-view.projection';

@Module({
  imports: [
    EventStoreModule.forRoot({
      schema: ASSISTANTS_SCHEMA,
      inlineProjections: [assistantViewProjection],
      migrations: [...assistantViewMigrations, idempotencyMigration],
      applicationName: 'assistants',
      poolSize: Number(process.env.PG_POOL_SIZE ?? 10),
    }),
    AssistantsModule,
  ],
  providers: [RelayHost],
})
export class AppModule {}
