import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { resolveBusIdentity, RpcClient } from '@platform/messaging';
import { AppModule, ROUTES } from './app.module';
import { ConfigError, loadConfig } from './config';
import { ApiKeyDirectory } from './http/api-key-directory';
import { clientErrorHandler, frameworkErrors, MAX_PARAM_LENGTH } from './http/client-errors';
import { configureFastify, requestIdFrom } from './http/fastify-setup';
import { setupOpenApi } from './openapi/setup';
import { closeOnSignals, type Lifecycle } from './http/shutdown';
import { LiveConnections } from './live/live-events.controller';

async function bootstrap() {
  // The bus prefix depends on the installation (the database): fixed before anything is sent on the bus.
  const identity = await resolveBusIdentity();
  const config = loadConfig();
  const lifecycle: Lifecycle = { closing: false };
  const adapter = new FastifyAdapter({
    bodyLimit: config.bodyLimitBytes,
    genReqId: requestIdFrom,
    requestIdLogLabel: 'requestId',
    requestTimeout: config.requestTimeoutMs,
    // Given to Node too: it derives its headers timeout from it at creation (60 s otherwise), and when that is the
    // longer of the two it swaps them, so bodies got 60 s. It also looks for expired requests only every 30 s.
    http: {
      requestTimeout: config.requestTimeoutMs,
      connectionsCheckingInterval: Math.min(1000, config.requestTimeoutMs),
    },
    clientErrorHandler: clientErrorHandler(config.requestTimeoutMs),
    frameworkErrors,
    routerOptions: { maxParamLength: MAX_PARAM_LENGTH },
    return503OnClosing: false, // the closing hook answers with a problem document instead
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), adapter, {
    logger: ['error', 'warn', 'log'],
    bodyParser: false, // Fastify's own JSON parser only: form and other bodies get 415
  });
  lifecycle.onClosing = () => app.get(LiveConnections).closeAll();
  const keys = new ApiKeyDirectory(app.get(RpcClient), config.keyCacheMs);
  await configureFastify(app.getHttpAdapter().getInstance(), config, lifecycle, ROUTES, keys);
  setupOpenApi(app, ROUTES);
  closeOnSignals(app, lifecycle, config.shutdownTimeoutMs);
  await app.listen(config.port, process.env.HOST ?? '0.0.0.0');
  Logger.log(
    `Gateway listening on http://127.0.0.1:${config.port} (OpenAPI at /api/docs, AsyncAPI of the bus at ` +
      `/api/docs/asyncapi.json; bus "${identity.prefix}")`,
    'Gateway',
  );
}

bootstrap().catch((err) => {
  console.error(err instanceof ConfigError ? `Gateway not started: ${err.message}` : err);
  process.exit(1);
});
