// Read-model tables of conversations, in the service's own schema (names resolve there), applied at start.
export const conversationViewMigrations = [
  {
    id: 'conversations-001-views',
    sql: `
      CREATE TABLE IF NOT EXISTS conversation_view (
        id uuid PRIMARY KEY,
        assistant_id uuid NOT NULL,
        user_id text NOT NULL,
        -- The assistant's owner at the start: what owner-scoped reads filter on.
        owner_id text,
        status text NOT NULL,
        started_at timestamptz NOT NULL,
        last_activity_at timestamptz NOT NULL,
        doc jsonb NOT NULL,
        revision integer NOT NULL
      );
      CREATE INDEX IF NOT EXISTS conversation_view_newest_idx ON conversation_view (started_at DESC, id DESC);
      CREATE INDEX IF NOT EXISTS conversation_view_active_idx
        ON conversation_view (last_activity_at DESC, id DESC) WHERE status = 'active';
      CREATE INDEX IF NOT EXISTS conversation_view_assistant_idx ON conversation_view (assistant_id, started_at DESC);
      CREATE INDEX IF NOT EXISTS conversation_view_user_idx ON conversation_view (user_id, started_at DESC);
      CREATE INDEX IF NOT EXISTS conversation_view_owner_idx ON conversation_view (owner_id);

      -- The full history: every message, folded into the summary or not.
      CREATE TABLE IF NOT EXISTS message_view (
        conversation_id uuid NOT NULL,
        seq integer NOT NULL,
        id uuid NOT NULL UNIQUE,
        role text NOT NULL,
        doc jsonb NOT NULL,
        compressed boolean NOT NULL DEFAULT false,
        feedback jsonb,
        PRIMARY KEY (conversation_id, seq)
      );
    `,
  },
  {
    // The window leaves the conversation's document: it is the history's messages not folded (`compressed`), read
    // through a partial index, so an append rewrites a row of a fixed size however long the conversation. The
    // tool call ids leave it too, for a table of their own. Documents written before keep their figures.
    id: 'conversations-002-window-in-history',
    sql: `
      CREATE INDEX IF NOT EXISTS message_view_window_idx ON message_view (conversation_id, seq) WHERE NOT compressed;

      CREATE TABLE IF NOT EXISTS tool_call_view (
        conversation_id uuid NOT NULL,
        tool_call_id text NOT NULL,
        PRIMARY KEY (conversation_id, tool_call_id)
      );
      INSERT INTO tool_call_view (conversation_id, tool_call_id)
        SELECT m.conversation_id, c->>'id' FROM message_view m, jsonb_array_elements(m.doc->'toolCalls') AS c
        WHERE jsonb_typeof(m.doc->'toolCalls') = 'array'
        ON CONFLICT DO NOTHING;

      UPDATE conversation_view SET doc = jsonb_set(
        doc - 'toolCallIds',
        '{context}',
        (doc->'context') - 'window' || jsonb_build_object(
          'windowTokens', (SELECT coalesce(sum((w->>'tokenCount')::int), 0)
                           FROM jsonb_array_elements(doc->'context'->'window') AS w),
          'windowMessages', jsonb_array_length(doc->'context'->'window'),
          'latestUserMessageId', (SELECT w->>'id' FROM jsonb_array_elements(doc->'context'->'window')
                                    WITH ORDINALITY AS x(w, i) WHERE w->>'role' = 'user' ORDER BY i DESC LIMIT 1)))
      WHERE doc->'context' ? 'window';
    `,
  },
];
