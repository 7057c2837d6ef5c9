import { Module } from '@nestjs/common';
import { RpcClientModule } from '@platform/messaging';
import { ServiceKitModule } from '@platform/service-kit';
import { DeploymentsModule } from './deployments/deployments.module';
import { consumers, currentSchemaVersions, inlineProjections, migrations, upcasters } from './read-models';

@Module({
  imports: [
    ServiceKitModule.forRoot({
      name: 'deployments',
      projections: inlineProjections,
      migrations,
      upcasters,
      currentSchemaVersions,
      consumers,
    }),
    // Asks the assistants service about assistants (see deployments/infrastructure/assistant-catalog.ts).
    RpcClientModule.forRoot({ name: 'deployments-rpc' }),
    DeploymentsModule,
  ],
})
export class AppModule {}
