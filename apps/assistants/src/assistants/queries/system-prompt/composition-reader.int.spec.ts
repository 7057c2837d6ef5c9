import {
  decide,
  decidePrompt,
  fold,
  foldPrompt,
  initialPromptState,
  initialState,
  type AssistantCommand,
  type AssistantEvent,
  type AssistantState,
  type PromptCommand,
  type PromptEvent,
  type PromptState,
} from '@platform/assistants-domain';
import { PostgresEventStore, runMigrations } from '@platform/event-store';
import type { Paging } from '@platform/service-kit';
import { countingPool, createTestDatabase, type TestDatabase } from '@platform/testing';
import { v7 as uuidv7 } from 'uuid';
import { inlineProjections, migrations, schema } from '../../../read-models';
import { AssistantReadRepository } from '../../infrastructure/assistant-read.repository';
import { CompositionReader } from './composition-reader';

let db: TestDatabase;
let store: PostgresEventStore;
let reader: CompositionReader;
let counting: ReturnType<typeof countingPool>;

const now = '2026-01-01T00:00:00.000Z';
const metadata = { correlationId: 'c1', causationId: null, actorId: 'admin', occurredAt: now };
const prompts = new Map<string, PromptState>();
let assistant: AssistantState = initialState;

/** Decides a prompt command on the prompt's state and stores its events, as the service's command runner does. */
async function onPrompt(command: PromptCommand): Promise<void> {
  const state = prompts.get(command.promptId) ?? initialPromptState;
  const events: PromptEvent[] = decidePrompt(command, state);
  await store.append(
    `prompt-${command.promptId}`,
    events.map((e) => ({ type: e.type, data: e.data, metadata })),
    {
      expectedRevision: 'any',
      stateAfter: foldPrompt(events, state),
    },
  );
  prompts.set(command.promptId, foldPrompt(events, state));
}

const moveLabel = (promptId: string, label: string, version: number) =>
  onPrompt({ type: 'MovePromptLabel', promptId, now, actorId: 'admin', data: { label, version } });

async function onAssistant(command: AssistantCommand): Promise<void> {
  const events: AssistantEvent[] = decide(command, assistant);
  const next = fold(events, assistant);
  await store.append(
    `assistant-${command.assistantId}`,
    events.map((e) => ({ type: e.type, data: e.data, metadata })),
    {
      expectedRevision: 'any',
      stateAfter: next,
    },
  );
  assistant = next;
}

beforeAll(async () => {
  db = await createTestDatabase('composition_reads');
  store = await PostgresEventStore.connect({ connectionString: db.url, schema, inlineProjections });
  await runMigrations(store.pool, schema, migrations);
  counting = countingPool(store.pool);
  reader = new CompositionReader(new AssistantReadRepository(counting.pool, undefined as unknown as Paging));
});

afterAll(async () => {
  await store?.close();
  await db?.drop();
});

describe('what composing a system prompt reads', () => {
  it('reads the assistant, its prompts and the versions its links resolve to in one round trip', async () => {
    const [followed, pinned, unlabelled] = [uuidv7(), uuidv7(), uuidv7()];
    const create = (promptId: string, template: string): PromptCommand => ({
      type: 'CreatePrompt',
      promptId,
      now,
      actorId: 'admin',
      ownerId: 'admin',
      data: { name: `Prompt ${promptId}`, tags: [], template, variables: [] },
    });
    const revise = (promptId: string, template: string): PromptCommand => ({
      type: 'RevisePrompt',
      promptId,
      now,
      actorId: 'admin',
      data: { template },
    });
    for (const id of [followed, pinned, unlabelled]) await onPrompt(create(id, `${id} v1`));
    for (const id of [followed, pinned, unlabelled]) await onPrompt(revise(id, `${id} v2`));
    await moveLabel(followed, 'production', 1);
    await moveLabel(unlabelled, 'staging', 2);

    const assistantId = uuidv7();
    await onAssistant({
      type: 'CreateAssistant',
      assistantId,
      now,
      data: { name: 'Composer', type: 'support', tags: [], ownerId: 'admin' },
    });
    const link = (promptId: string, role: 'primary' | 'secondary', pin: { version: number } | { label: string }) =>
      onAssistant({
        type: 'LinkPrompt',
        assistantId,
        now,
        data: { promptId, role, priority: 0, conditions: [], pin },
      });
    await link(followed, 'primary', { label: 'production' }); // follows a label: version 1
    await link(pinned, 'secondary', { version: 2 }); // pinned: version 2
    await link(unlabelled, 'secondary', { label: 'staging' });
    await onPrompt({
      type: 'RemovePromptLabel',
      promptId: unlabelled,
      now,
      actorId: 'admin',
      data: { label: 'staging' },
    });

    counting.reset();
    const sources = await reader.read(assistantId, {});
    expect(counting.queries()).toBe(1);
    expect(sources?.assistant.id).toBe(assistantId);
    expect(sources?.links.map((l) => [l.promptId, l.version, l.template])).toEqual([
      [followed, 1, `${followed} v1`],
      [pinned, 2, `${pinned} v2`],
      [unlabelled, null, null], // its label is gone: nothing to compose from
    ]);

    // A label moved: the next read resolves to the version it names now.
    await moveLabel(followed, 'production', 2);
    const moved = await reader.read(assistantId, {});
    expect(moved?.links[0]).toMatchObject({ version: 2, template: `${followed} v2` });

    expect(await reader.read(uuidv7(), {})).toBeNull();
  });
});
