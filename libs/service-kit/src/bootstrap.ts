import { Logger, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { MicroserviceOptions } from '@nestjs/microservices';
import {
  mapErrors,
  natsMicroserviceOptions,
  resolveBusIdentity,
  RpcProblemFilter,
  type ErrorMapping,
} from '@platform/messaging';
import { assertBusIsOurs } from './readiness/bus-claim';
import { kitErrorMapper } from './errors';
import { Readiness } from './readiness/readiness';

export interface ServiceBootstrap {
  /** The registry name: also the NATS queue group, so instances share the work. */
  name: string;
  /** The service's root module (imports ServiceKitModule.forRoot). */
  module: Type;
  /** Its named errors → statuses, mapped once; the kit's and the platform's mappings follow. */
  errors: readonly ErrorMapping[];
}

/** Starts a service: NATS microservice in its queue group, one error mapping, readiness on HEALTH_PORT. */
export async function bootstrapService({ name, module, errors }: ServiceBootstrap): Promise<void> {
  // The bus prefix depends on the installation (the database); both are fixed before anything touches the bus.
  const identity = await resolveBusIdentity();
  await assertBusIsOurs(name, identity);
  const app = await NestFactory.createMicroservice<MicroserviceOptions>(module, natsMicroserviceOptions(name));
  app.useGlobalFilters(new RpcProblemFilter(mapErrors(errors), kitErrorMapper));
  // On SIGTERM/SIGINT the server stops taking requests and answers those in flight before anything closes
  // (PlatformNatsServer), then the relay and the pool close; the exit code says it went well.
  app.enableShutdownHooks(['SIGTERM', 'SIGINT'], { useProcessExit: true });
  await app.listen();
  if (process.env.HEALTH_PORT) {
    const probes = app.get(Readiness).listen(Number(process.env.HEALTH_PORT));
    process.once('SIGTERM', () => probes.close());
  }
  Logger.log(
    `${name} service listening on NATS (bus "${identity.prefix}", queue group "${name}", installation ${identity.installationId})`,
    name,
  );
}

/** `main.ts` of a service: bootstrap, or exit non-zero with the reason. */
export function runService(options: ServiceBootstrap): void {
  // An error that escapes one request is logged; it never takes the process (and every other request) down.
  process.on('unhandledRejection', (reason) =>
    Logger.error(`Unhandled rejection: ${reason instanceof Error ? reason.stack : String(reason)}`, options.name),
  );
  bootstrapService(options).catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
