import { Module } from '@nestjs/common';
import { EventStoreModule } from '@platform/event-store';
import { AssistantsModule } from './assistants/assistants.module';
import { currentSchemaVersions, inlineProjections, migrations, schema, upcasters } from './read-models';
import { RelayHost } from './relay.host';

@Module({
  imports: [
    EventStoreModule.forRoot({
      schema,
      inlineProjections,
      upcasters,
      currentSchemaVersions,
      migrations,
      applicationName: 'assistants',
      // Notifying commits are serialised server-wide; the relay in this process wakes in-process instead.
      notify: false,
      poolSize: Number(process.env.PG_POOL_SIZE ?? 10),
    }),
    AssistantsModule,
  ],
  providers: [RelayHost],
})
export class AppModule {}
