import { Module } from '@nestjs/common';
import { ServiceKitModule } from '@platform/service-kit';
import { AnalyticsModule } from './analytics.module';
import { consumers, currentSchemaVersions, inlineProjections, migrations, upcasters } from './read-models';

@Module({
  imports: [
    ServiceKitModule.forRoot({
      name: 'analytics',
      projections: inlineProjections,
      migrations,
      upcasters,
      currentSchemaVersions,
      consumers,
    }),
    AnalyticsModule,
  ],
})
export class AppModule {}
