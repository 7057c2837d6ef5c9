import { Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { RpcClientModule } from '@platform/messaging';
import { GATEWAY_CONFIG, type GatewayConfig } from './config';
import { asyncApiController } from './docs/asyncapi.controller';
import { HealthController } from './health/health.controller';
import { AuthGuard } from './http/auth.guard';
import { EventStreams } from './http/event-stream';
import { ProblemFilter } from './http/problem.filter';
import { LiveConnections, LiveEventsController } from './live/live-events.controller';
import { routeController } from './http/route-table';
import { analyticsRoutes } from './routes/analytics.routes';
import { accessRoutes } from './routes/access.routes';
import { assistantRoutes } from './routes/assistant.routes';
import { conversationRoutes } from './routes/conversation.routes';
import { deploymentRoutes } from './routes/deployment.routes';
import { promptRoutes } from './routes/prompt.routes';

/** Every REST route of the platform, one table per context. */
export const ROUTES = [
  ...assistantRoutes,
  ...promptRoutes,
  ...conversationRoutes,
  ...accessRoutes,
  ...deploymentRoutes,
  ...analyticsRoutes,
];

export class AppModule {
  static forRoot(config: GatewayConfig) {
    @Module({
      imports: [RpcClientModule.forRoot()],
      controllers: [
        HealthController,
        asyncApiController(ROUTES),
        LiveEventsController,
        routeController('ApiController', ROUTES),
      ],
      providers: [
        { provide: GATEWAY_CONFIG, useValue: config },
        EventStreams,
        LiveConnections,
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_FILTER, useClass: ProblemFilter },
      ],
    })
    class GatewayModule {}
    return GatewayModule;
  }
}
