import { PostgresEventStore, runMigrations } from '@platform/event-store';
import type { Paging } from '@platform/service-kit';
import { countingPool, createTestDatabase, type TestDatabase } from '@platform/testing';
import { v7 as uuidv7 } from 'uuid';
import { inlineProjections, migrations, schema } from '../../read-models';
import { AssistantReadRepository } from './assistant-read.repository';

let db: TestDatabase;
let store: PostgresEventStore;
let repository: AssistantReadRepository;
let counting: ReturnType<typeof countingPool>;

const at = '2026-01-01T00:00:00.000Z';
const create = (assistantId: string, name: string) =>
  store.append(
    `assistant-${assistantId}`,
    [
      {
        type: 'AssistantCreated',
        data: {
          assistantId,
          ownerId: 'admin',
          createdAt: at,
          name,
          slug: `bot-${assistantId}`,
          description: null,
          type: 'support',
          tags: [],
          specialty: null,
          persona: {},
          configuration: {
            model: 'gpt-4o-mini',
            temperature: 0.7,
            maxTokens: 1024,
            contextWindowTokens: 8192,
            topP: 1,
          },
        },
        metadata: { correlationId: 'c1', causationId: null, actorId: 'admin', occurredAt: at },
      },
    ],
    { expectedRevision: 'no_stream' },
  );

beforeAll(async () => {
  db = await createTestDatabase('assistant_reads');
  store = await PostgresEventStore.connect({ connectionString: db.url, schema, inlineProjections });
  await runMigrations(store.pool, schema, migrations);
  counting = countingPool(store.pool);
  repository = new AssistantReadRepository(counting.pool, undefined as unknown as Paging);
});

afterAll(async () => {
  await store?.close();
  await db?.drop();
});

describe('reading one assistant', () => {
  it('answers the lookups of one turn with one query, each with its own assistant (or none)', async () => {
    const ids = [uuidv7(), uuidv7(), uuidv7()];
    for (const [i, id] of ids.entries()) await create(id, `Bot ${i}`);
    counting.reset();
    const found = await Promise.all([
      repository.get(ids[0]),
      repository.get(ids[1].toUpperCase()), // the same UUID written in capitals
      repository.get(uuidv7()), // no such assistant
      repository.get('not-a-uuid'), // can be no assistant's id, and does not fail the others
      repository.get(ids[2], { actorRole: 'viewer', actorOwnerId: 'someone-else' }), // another owner's
    ]);
    expect(found.map((a) => a?.name ?? null)).toEqual(['Bot 0', 'Bot 1', null, null, null]);
    expect(counting.queries()).toBe(1);

    // Nothing cached: what is committed afterwards is read.
    const later = uuidv7();
    expect(await repository.get(later)).toBeNull();
    await create(later, 'Bot later');
    expect((await repository.get(later))?.name).toBe('Bot later');
  });
});
