import { Module } from '@nestjs/common';
import { ServiceKitModule } from '@platform/service-kit';
import { AssistantsModule } from './assistants/assistants.module';
import { inlineProjections, migrations } from './read-models';

@Module({
  imports: [ServiceKitModule.forRoot({ name: 'assistants', projections: inlineProjections, migrations }), AssistantsModule],
})
export class AppModule {}
