import { Module } from '@nestjs/common';
import { ServiceKitModule } from '@platform/service-kit';
import { ApiKeysModule } from './api-keys/api-keys.module';
import { AuditModule } from './audit/audit.module';
import { consumers, currentSchemaVersions, inlineProjections, migrations, upcasters } from './read-models';

@Module({
  imports: [
    ServiceKitModule.forRoot({
      name: 'access',
      projections: inlineProjections,
      migrations,
      upcasters,
      currentSchemaVersions,
      consumers,
    }),
    ApiKeysModule,
    AuditModule,
  ],
})
export class AppModule {}
