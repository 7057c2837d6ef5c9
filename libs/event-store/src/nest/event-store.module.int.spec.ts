import { Inject, Injectable, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { Pool } from 'pg';
import type { EventStore } from '../port/event-store.port';
import { createTestDatabase, event, newStreamId, type TestDatabase } from '../testing/fixtures.spec';
import { EVENT_STORE, EventStoreModule, PG_POOL } from './event-store.module';

let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase('es_nest');
});
afterAll(async () => {
  await db?.drop();
});

@Injectable()
class Greeter {
  constructor(
    @Inject(EVENT_STORE) readonly store: EventStore,
    @Inject(PG_POOL) readonly pool: Pool,
  ) {}
}

@Module({ providers: [Greeter] })
class FeatureModule {}

describe('EventStoreModule', () => {
  it('provides the store and its pool to any module, runs the read-model migrations, and closes on shutdown', async () => {
    @Module({
      imports: [
        EventStoreModule.forRootAsync({
          useFactory: async () => ({
            schema: 'nest_svc',
            connectionString: db.url,
            migrations: [{ id: 'nest-001-greetings', sql: 'CREATE TABLE greetings (id text PRIMARY KEY)' }],
          }),
        }),
        FeatureModule,
      ],
    })
    class AppModule {}

    const app = await NestFactory.createApplicationContext(AppModule, { logger: false });
    const { store, pool } = app.get(Greeter);
    const id = newStreamId();
    await store.append(id, [event()], { expectedRevision: 'no_stream' });
    expect(await store.readStream(id)).toHaveLength(1);
    expect((await pool.query('SELECT count(*)::int AS n FROM nest_svc.greetings')).rows).toEqual([{ n: 0 }]);

    await app.close();
    expect(pool.ended).toBe(true);
  });
});
