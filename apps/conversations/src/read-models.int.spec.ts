import type { ConversationCommand, NewMessage, WindowMessage } from '@platform/conversations-domain';
import { toWindowMessage } from '@platform/conversations-domain';
import type { RequestMeta } from '@platform/contracts';
import { PostgresEventStore, rebuildProjections, runMigrations } from '@platform/event-store';
import { CommandRunner } from '@platform/service-kit';
import { createTestDatabase, type TestDatabase } from '@platform/testing';
import { v7 as uuidv7 } from 'uuid';
import { conversationAggregate } from './conversations/conversation.aggregate';
import {
  currentSchemaVersions,
  inlineProjections,
  migrations,
  resetReadModels,
  schema,
  upcasters,
} from './read-models';

// The read models as appends write them (the state the runner folded, one statement per append) are the read
// models a rebuild from the events writes: documents, the history with its folded flags, the tool call ids.

let db: TestDatabase;
let store: PostgresEventStore;
let runner: CommandRunner;

const meta = (): RequestMeta => ({ actorId: 'tester', correlationId: uuidv7(), requestId: uuidv7() });
const BUDGET = 120;

beforeAll(async () => {
  db = await createTestDatabase('conv_read_models');
  store = await PostgresEventStore.connect({
    connectionString: db.url,
    schema,
    inlineProjections,
    upcasters,
    currentSchemaVersions,
  });
  await runMigrations(store.pool, schema, migrations);
  runner = new CommandRunner(store);
});

afterAll(async () => {
  await store?.close();
  await db?.drop();
});

async function snapshot(id: string) {
  const q = async (text: string) => (await store.pool.query(text, [id])).rows;
  return {
    conversation: await q('SELECT doc, revision, status, last_activity_at FROM conversation_view WHERE id = $1'),
    messages: await q(
      'SELECT seq, id, role, doc, compressed, feedback FROM message_view WHERE conversation_id = $1 ORDER BY seq',
    ),
    calls: await q('SELECT tool_call_id FROM tool_call_view WHERE conversation_id = $1 ORDER BY tool_call_id'),
  };
}

it('writes on append what a rebuild from the events writes, and the window is the history not folded', async () => {
  const id = uuidv7();
  const assistantId = uuidv7();
  await runner.execute(conversationAggregate, id, meta(), (c): ConversationCommand => ({
    type: 'StartConversation',
    conversationId: c.id,
    now: c.now,
    assistant: { id: assistantId, status: 'active', ownerId: 'owner' },
    budgetTokens: BUDGET,
    data: { assistantId, userId: 'u', title: null, environment: null, contextVariables: {} },
  }));
  const say = (n: number, extra: Partial<NewMessage>) =>
    runner.execute(
      conversationAggregate,
      id,
      meta(),
      async (c): Promise<ConversationCommand> => {
        // As the service reads under the lock: here the whole window, and the tool call ids the message names.
        const { rows } = await c.sql.query<{ doc: Parameters<typeof toWindowMessage>[0] }>(
          'SELECT doc FROM message_view WHERE conversation_id = $1 AND NOT compressed ORDER BY seq',
          [id],
        );
        const named = [extra.toolCallId, ...(extra.toolCalls ?? []).map((t) => t.id)].filter(Boolean) as string[];
        const known = await c.sql.query<{ tool_call_id: string }>(
          'SELECT tool_call_id FROM tool_call_view WHERE conversation_id = $1 AND tool_call_id = ANY($2::text[])',
          [id, named],
        );
        const head: WindowMessage[] = rows.map((r) => toWindowMessage(r.doc));
        return {
          type: 'AppendMessage',
          conversationId: id,
          now: c.now,
          message: {
            id: uuidv7(),
            role: 'user',
            content: `Turn ${n} says something. Then more.`,
            toolCalls: null,
            toolCallId: null,
            parentMessageId: null,
            metadata: {},
            tokenCount: 10 + (n % 7),
            model: null,
            responseTimeMs: null,
            usage: null,
            error: null,
            ...extra,
          },
          parentFound: true,
          budgetTokens: BUDGET,
          model: 'gpt-4o',
          windowHead: { messages: head, complete: true },
          knownToolCallIds: known.rows.map((r) => r.tool_call_id),
        };
      },
      (doc) => doc,
    );
  let rated: string | undefined;
  for (let n = 1; n <= 30; n++) {
    if (n % 6 === 2) {
      await say(n, { role: 'assistant', toolCalls: [{ id: `call-${n}`, name: 'lookup', arguments: '{}' }] });
      await say(n, { role: 'tool', toolCallId: `call-${n}`, content: `Result ${n}.` });
    } else {
      await say(n, { role: n % 2 ? 'user' : 'assistant' });
      if (n === 4) rated = (await snapshot(id)).messages.at(-1)!.id;
    }
  }
  await runner.execute(
    conversationAggregate,
    id,
    meta(),
    (c): ConversationCommand => ({
      type: 'RateMessage',
      conversationId: id,
      now: c.now,
      messageId: rated!,
      target: { role: 'assistant', rating: null },
      rating: 4,
      comment: 'good',
    }),
    () => null,
  );

  const live = await snapshot(id);
  const unfolded = live.messages.filter((m) => !m.compressed);
  const { context } = live.conversation[0].doc;
  expect(live.messages).toHaveLength(35);
  expect(live.messages.filter((m) => m.compressed).length).toBeGreaterThan(10);
  expect([context.windowTokens, context.windowMessages]).toEqual([
    unfolded.reduce((n, m) => n + m.doc.tokenCount, 0),
    unfolded.length,
  ]);
  expect(context.windowTokens + context.summary.tokenCount).toBeLessThanOrEqual(BUDGET);
  expect(live.calls.map((c) => c.tool_call_id)).toEqual(['call-14', 'call-2', 'call-20', 'call-26', 'call-8']);
  expect(live.messages.find((m) => m.id === rated)?.feedback).toMatchObject({ rating: 4, comment: 'good' });

  await rebuildProjections(store, inlineProjections, resetReadModels);
  expect(await snapshot(id)).toEqual(live);
});
