import { runMigrations } from '@platform/event-store';
import { createTestDatabase, type TestDatabase } from '@platform/testing';
import { Pool } from 'pg';
import { conversationViewMigrations } from './conversation-view.migrations';

// Conversations stored before the window left the document keep every figure the append path now reads.
const SCHEMA = 'conv_migration';
const conversationId = '0190a000-0000-7000-8000-000000000001';
const id = (n: number) => `0190a000-0000-7000-8000-${String(n).padStart(12, '0')}`;
const message = (n: number, role: string, tokenCount: number, extra: object = {}) => ({
  id: id(n),
  seq: n,
  role,
  content: `message ${n}`,
  toolCalls: null,
  toolCallId: null,
  tokenCount,
  ...extra,
});

let db: TestDatabase;
let pool: Pool;

beforeAll(async () => {
  db = await createTestDatabase('conv_migration');
  pool = new Pool({ connectionString: db.url, options: `-c search_path=${SCHEMA}` });
});

afterAll(async () => {
  await pool?.end();
  await db?.drop();
});

it('moves the window out of stored documents into figures, and the tool call ids into their table', async () => {
  await runMigrations(pool, SCHEMA, conversationViewMigrations.slice(0, 1));
  const call = { toolCalls: [{ id: 'call-1', name: 'lookup', arguments: '{}' }] };
  const history = [
    { ...message(1, 'user', 9), compressed: true },
    { ...message(2, 'user', 5), compressed: false },
    { ...message(3, 'assistant', 7, call), compressed: false },
    { ...message(4, 'tool', 3, { toolCallId: 'call-1' }), compressed: false },
  ];
  const window = history.filter((m) => !m.compressed).map(({ compressed: _, ...m }) => m);
  const doc = {
    id: conversationId,
    ownerId: null,
    lastSeq: 4,
    toolCallIds: ['call-1'],
    context: { summary: { text: '- user: message 1', tokenCount: 6 }, window, budgetTokens: 500 },
  };
  await pool.query(
    `INSERT INTO conversation_view (id, assistant_id, user_id, status, started_at, last_activity_at, doc, revision)
     VALUES ($1, $1, 'u', 'active', now(), now(), $2, 5)`,
    [conversationId, JSON.stringify(doc)],
  );
  for (const { compressed, ...m } of history) {
    await pool.query(
      'INSERT INTO message_view (conversation_id, seq, id, role, doc, compressed) VALUES ($1, $2, $3, $4, $5, $6)',
      [conversationId, m.seq, m.id, m.role, JSON.stringify(m), compressed],
    );
  }

  expect(await runMigrations(pool, SCHEMA, conversationViewMigrations)).toEqual([
    'conversations-002-window-in-history',
  ]);

  const { rows } = await pool.query('SELECT doc FROM conversation_view WHERE id = $1', [conversationId]);
  expect(rows[0].doc).toEqual({
    id: conversationId,
    ownerId: null,
    lastSeq: 4,
    context: {
      summary: doc.context.summary,
      budgetTokens: 500,
      windowTokens: 15,
      windowMessages: 3,
      latestUserMessageId: id(2),
    },
  });
  const calls = await pool.query('SELECT conversation_id, tool_call_id FROM tool_call_view');
  expect(calls.rows).toEqual([{ conversation_id: conversationId, tool_call_id: 'call-1' }]);
});
