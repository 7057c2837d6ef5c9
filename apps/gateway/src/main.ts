import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { resolveBusIdentity } from '@platform/messaging';
import { AppModule } from './app.module';
import { loadConfig } from './config';
import { configureFastify, requestIdFrom } from './http/fastify-setup';
import { setupOpenApi } from './http/openapi';

async function bootstrap() {
  // The bus prefix depends on the installation (the database): fixed before anything is sent on the bus.
  const identity = await resolveBusIdentity();
  const config = loadConfig();
  const adapter = new FastifyAdapter({
    bodyLimit: config.bodyLimitBytes,
    genReqId: requestIdFrom,
    requestIdLogLabel: 'requestId',
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), adapter, {
    logger: ['error', 'warn', 'log'],
    bodyParser: false, // Fastify's own JSON parser only: form and other bodies get 415
  });
  await configureFastify(app.getHttpAdapter().getInstance(), config);
  setupOpenApi(app);
  app.enableShutdownHooks();
  await app.listen(config.port, process.env.HOST ?? '0.0.0.0');
  Logger.log(
    `Gateway listening on http://127.0.0.1:${config.port} (OpenAPI at /api/docs; bus "${identity.prefix}")`,
    'Gateway',
  );
}

bootstrap().catch((err) => {
  console.error(err);
  process.exit(1);
});
