import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { MicroserviceOptions } from '@nestjs/microservices';
import { PG_POOL } from '@platform/event-store';
import { natsMicroserviceOptions, RpcProblemFilter } from '@platform/messaging';
import type { Pool } from 'pg';
import { AppModule } from './app.module';
import { assistantProblem } from './assistants/assistant.errors';
import { startHealthServer } from './health-server';
import { promptProblem } from './prompts/prompt.errors';
import { sharedProblem } from './shared/errors';

async function bootstrap() {
  const app = await NestFactory.createMicroservice<MicroserviceOptions>(
    AppModule,
    natsMicroserviceOptions('assistants'),
  );
  app.useGlobalFilters(new RpcProblemFilter(assistantProblem, promptProblem, sharedProblem));
  app.enableShutdownHooks();
  await app.listen();
  if (process.env.HEALTH_PORT) {
    const pool = app.get<Pool>(PG_POOL);
    const health = startHealthServer(Number(process.env.HEALTH_PORT), async () => ({
      postgres: await pool.query('SELECT 1').then(
        () => 'up',
        () => 'down',
      ),
    }));
    process.once('SIGTERM', () => health.close());
  }
  Logger.log('Assistants service listening on NATS (queue group "assistants")', 'Assistants');
}

bootstrap().catch((err) => {
  console.error(err);
  process.exit(1);
});
