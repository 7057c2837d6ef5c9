import {
  Inject,
  Injectable,
  Module,
  type DynamicModule,
  type InjectionToken,
  type ModuleMetadata,
  type OnApplicationShutdown,
  type OptionalFactoryDependency,
} from '@nestjs/common';
import type { InlineProjection, Upcaster } from '../port/event-store.port';
import { runMigrations, type Migration } from '../postgres/migrations';
import { PostgresEventStore } from '../postgres/postgres-event-store';

/** Injects the PostgresEventStore (type it as the `EventStore` port where the adapter does not matter). */
export const EVENT_STORE = Symbol('EVENT_STORE');
/** Injects the store's pg Pool, for the service's read-model queries. */
export const PG_POOL = Symbol('PG_POOL');
const OPTIONS = Symbol('EVENT_STORE_OPTIONS');

export interface EventStoreModuleOptions {
  schema: string;
  inlineProjections?: InlineProjection[];
  upcasters?: Upcaster[];
  currentSchemaVersions?: Record<string, number>;
  /** NOTIFY feed readers in other processes at each commit (default true; see PostgresEventStoreOptions). */
  notify?: boolean;
  /** Largest event accepted, in bytes (see PostgresEventStoreOptions). */
  maxEventBytes?: number;
  /** The service's read-model migrations, applied after the store's own. */
  migrations?: Migration[];
  /** Defaults to DATABASE_URL, then the local development server. */
  connectionString?: string;
  poolSize?: number;
  applicationName?: string;
}

export interface EventStoreModuleAsyncOptions extends Pick<ModuleMetadata, 'imports'> {
  inject?: (InjectionToken | OptionalFactoryDependency)[];
  useFactory: (...args: never[]) => EventStoreModuleOptions | Promise<EventStoreModuleOptions>;
}

@Injectable()
class EventStoreCloser implements OnApplicationShutdown {
  constructor(@Inject(EVENT_STORE) private readonly store: PostgresEventStore) {}

  // After every module's onModuleDestroy, so nothing still needs the pool.
  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}

async function connect(options: EventStoreModuleOptions): Promise<PostgresEventStore> {
  const store = await PostgresEventStore.connect({
    ...options,
    connectionString:
      options.connectionString ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/platform',
  });
  try {
    if (options.migrations?.length) await runMigrations(store.pool, options.schema, options.migrations);
    return store;
  } catch (err) {
    await store.close();
    throw err;
  }
}

@Module({})
export class EventStoreModule {
  static forRoot(options: EventStoreModuleOptions): DynamicModule {
    return EventStoreModule.forRootAsync({ useFactory: () => options });
  }

  /** Use when projections or options need other providers (inject them into useFactory). */
  static forRootAsync(options: EventStoreModuleAsyncOptions): DynamicModule {
    return {
      module: EventStoreModule,
      global: true,
      imports: options.imports ?? [],
      providers: [
        { provide: OPTIONS, useFactory: options.useFactory, inject: options.inject ?? [] },
        { provide: EVENT_STORE, useFactory: connect, inject: [OPTIONS] },
        { provide: PG_POOL, useFactory: (store: PostgresEventStore) => store.pool, inject: [EVENT_STORE] },
        EventStoreCloser,
      ],
      exports: [EVENT_STORE, PG_POOL],
    };
  }
}
