import { assistantsEventContracts } from '@platform/contracts';
import {
  FEED_START,
  PostgresEventStore,
  rebuildProjections,
  runMigrations,
  type NewEvent,
  type StoredEvent,
} from '@platform/event-store';
import { createTestDatabase, type TestDatabase } from '@platform/testing';
import { v7 as uuidv7 } from 'uuid';
import {
  currentSchemaVersions,
  inlineProjections,
  migrations,
  resetReadModels,
  schema,
  upcasters,
} from './read-models';

// Events stored before AssistantUsageRecorded v2 stay in the store as v1 rows; every reader the service wires
// (its event store, the feed the relay and rebuilds read) must see them as v2, valid by the published contract.

let db: TestDatabase;
let older: PostgresEventStore; // a release without versions registered: it stored every event at v1
let store: PostgresEventStore; // as the service wires it

const at = '2026-01-01T00:00:00.000Z';
const { events: contracts } = assistantsEventContracts;
const metadata = { correlationId: 'c1', causationId: null, actorId: 'admin', occurredAt: at };
const event = (type: string, data: unknown): NewEvent => ({ type, data, metadata });
const created = (assistantId: string) =>
  event('AssistantCreated', {
    assistantId,
    ownerId: 'admin',
    createdAt: at,
    name: 'Support Bot',
    slug: `support-${assistantId}`,
    description: null,
    type: 'support',
    tags: [],
    specialty: null,
    persona: {},
    configuration: { model: 'gpt-4o-mini', temperature: 0.7, maxTokens: 1024, contextWindowTokens: 8192, topP: 1 },
  });
const usageV1 = (assistantId: string) => ({
  assistantId,
  conversations: 1,
  messages: 4,
  tokens: 100,
  responseTimeMs: 200,
  satisfaction: 5,
  at,
});

async function storedRows(streamId: string) {
  const { rows } = await store.pool.query(
    `SELECT type, schema_version, data FROM ${schema}.events WHERE stream_id = $1 ORDER BY revision`,
    [streamId],
  );
  return rows;
}

async function fromFeed(id: string): Promise<StoredEvent> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const found = (await store.readAll(FEED_START, 1000)).events.find((e) => e.id === id);
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`event ${id} never reached the feed`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

beforeAll(async () => {
  db = await createTestDatabase('assistants_read_models');
  older = await PostgresEventStore.connect({ connectionString: db.url, schema });
  store = await PostgresEventStore.connect({
    connectionString: db.url,
    schema,
    inlineProjections,
    upcasters,
    currentSchemaVersions,
  });
  await runMigrations(store.pool, schema, migrations);
});
afterAll(async () => {
  await Promise.all([older?.close(), store?.close()]);
  await db?.drop();
});

describe('assistants events across schema versions', () => {
  const assistantId = uuidv7();
  const streamId = `assistant-${assistantId}`;
  const expected = { schemaVersion: 2, data: { ...usageV1(assistantId), responseTimeSamples: 4 } };

  beforeAll(async () => {
    await older.append(streamId, [created(assistantId), event('AssistantUsageRecorded', usageV1(assistantId))], {
      expectedRevision: 'no_stream',
    });
  });

  it('reads a stored v1 usage event as v2 through readStream and readAll, leaving the row as stored', async () => {
    const [, usage] = await store.readStream(streamId);
    expect(usage).toMatchObject(expected);
    expect(contracts.AssistantUsageRecorded.schema.parse(usage.data)).toEqual(expected.data);
    expect(await fromFeed(usage.id)).toMatchObject(expected);
    expect((await storedRows(streamId))[1]).toEqual({
      type: 'AssistantUsageRecorded',
      schema_version: 1,
      data: usageV1(assistantId),
    });
  });

  it('rebuilds the read model from v1 events through the upcasters', async () => {
    await rebuildProjections(store, inlineProjections, resetReadModels);
    const { rows } = await store.pool.query(
      `SELECT doc->'usage' AS usage FROM ${schema}.assistant_view WHERE id = $1`,
      [assistantId],
    );
    expect(rows[0].usage).toMatchObject({ messages: 4, responseTimeTotalMs: 800, responseTimeSamples: 4 });
  });

  it('stores new events at their current versions', async () => {
    const id = uuidv7();
    const data = { ...usageV1(id), messages: 0, responseTimeSamples: 1 };
    await store.append(`assistant-${id}`, [created(id), event('AssistantUsageRecorded', data)], {
      expectedRevision: 'no_stream',
    });
    expect((await storedRows(`assistant-${id}`)).map((r) => [r.type, r.schema_version])).toEqual([
      ['AssistantCreated', 1],
      ['AssistantUsageRecorded', 2],
    ]);
    expect((await store.readStream(`assistant-${id}`))[1]).toMatchObject({ schemaVersion: 2, data });
  });
});
