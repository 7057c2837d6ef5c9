import { Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { RpcClientModule } from '@platform/messaging';
import { AssistantPromptsController } from './assistants/assistant-prompts.controller';
import { AssistantsController } from './assistants/assistants.controller';
import { PromptsController } from './prompts/prompts.controller';
import { GATEWAY_CONFIG, type GatewayConfig } from './config';
import { HealthController } from './health/health.controller';
import { AuthGuard } from './http/auth.guard';
import { ProblemFilter } from './http/problem.filter';

export class AppModule {
  static forRoot(config: GatewayConfig) {
    @Module({
      imports: [RpcClientModule.forRoot()],
      controllers: [HealthController, AssistantsController, AssistantPromptsController, PromptsController],
      providers: [
        { provide: GATEWAY_CONFIG, useValue: config },
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_FILTER, useClass: ProblemFilter },
      ],
    })
    class GatewayModule {}
    return GatewayModule;
  }
}
