import { Module } from '@nestjs/common';
import { ServiceKitModule } from '@platform/service-kit';
import { AssistantsModule } from './assistants/assistants.module';
import { currentSchemaVersions, inlineProjections, migrations, upcasters } from './read-models';

@Module({
  imports: [
    ServiceKitModule.forRoot({
      name: 'assistants',
      projections: inlineProjections,
      migrations,
      upcasters,
      currentSchemaVersions,
    }),
    AssistantsModule,
  ],
})
export class AppModule {}
