import { Module, type DynamicModule } from '@nestjs/common';
import { PLATFORM_SERVICES } from '@platform/contracts';
import { EventStoreModule } from '@platform/event-store';
import { CommandRunner } from './commands/command-runner';
import { idempotencyMigration } from './commands/idempotency';
import { ConsumerHost } from './consumers/consumer.host';
import { Paging } from './queries/paging';
import { ServiceMetrics } from './readiness/metrics';
import { healthController, Readiness } from './readiness/readiness';
import { RelayHost } from './relay/relay.host';
import { KitSecrets, kitSecretsMigration } from './secrets/kit-secrets';
import { SERVICE, type ResolvedService, type ServiceDefinition } from './tokens';

/** The schema a registered service owns; an unregistered name is a programming error caught at start. */
export function serviceSchema(name: string): string {
  const entry = PLATFORM_SERVICES.find((s) => s.name === name);
  if (!entry) throw new Error(`Service "${name}" is not in PLATFORM_SERVICES (libs/contracts/src/registry)`);
  return entry.schema;
}

/** Everything a service's tables need besides its own: the kit's idempotency keys and secrets. */
export const kitMigrations = [idempotencyMigration, kitSecretsMigration];

/**
 * The plumbing every service shares, in one import: its event store (schema from the registry, read models
 * inline, upcasters), the command runner, the relay to JetStream, its bus consumers, and readiness on the bus.
 */
@Module({})
export class ServiceKitModule {
  static forRoot(definition: ServiceDefinition): DynamicModule {
    const service: ResolvedService = { ...definition, schema: serviceSchema(definition.name) };
    return {
      module: ServiceKitModule,
      global: true,
      imports: [
        EventStoreModule.forRoot({
          schema: service.schema,
          inlineProjections: service.projections,
          migrations: [...kitMigrations, ...service.migrations],
          upcasters: service.upcasters,
          currentSchemaVersions: service.currentSchemaVersions,
          applicationName: service.name,
          // Notifying commits are serialised server-wide; the relay in this process wakes in-process instead.
          notify: false,
          poolSize: Number(process.env.PG_POOL_SIZE ?? 10),
          maxEventBytes: Number(process.env.MAX_EVENT_BYTES) || undefined,
        }),
      ],
      controllers: [healthController(service.name)],
      providers: [
        { provide: SERVICE, useValue: service },
        CommandRunner,
        ConsumerHost,
        KitSecrets,
        Paging,
        Readiness,
        RelayHost,
        ServiceMetrics,
      ],
      exports: [CommandRunner, ConsumerHost, KitSecrets, Paging, Readiness, SERVICE],
    };
  }
}
