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
];
