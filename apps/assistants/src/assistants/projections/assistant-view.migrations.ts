// Read-model tables of the assistants service, applied at start by the event store's migration runner.
export const ASSISTANTS_SCHEMA = 'assistants';

export const assistantViewMigrations = [
  {
    id: 'assistants-001-assistant-view',
    sql: `
      CREATE TABLE IF NOT EXISTS assistants.assistant_view (
        id uuid PRIMARY KEY,
        slug text NOT NULL,
        name text NOT NULL,
        status text NOT NULL,
        type text NOT NULL,
        tags text[] NOT NULL,
        owner_id text NOT NULL,
        parent_id uuid,
        version integer NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        conversations bigint NOT NULL DEFAULT 0,
        messages bigint NOT NULL DEFAULT 0,
        tokens bigint NOT NULL DEFAULT 0,
        doc jsonb NOT NULL,
        search tsvector NOT NULL
      );
      CREATE UNIQUE INDEX IF NOT EXISTS assistant_view_live_slug_key ON assistants.assistant_view (slug) WHERE status <> 'archived';
      CREATE INDEX IF NOT EXISTS assistant_view_newest_idx ON assistants.assistant_view (created_at DESC, id DESC);
      CREATE INDEX IF NOT EXISTS assistant_view_search_idx ON assistants.assistant_view USING gin (search);
      CREATE INDEX IF NOT EXISTS assistant_view_tags_idx ON assistants.assistant_view USING gin (tags);
      CREATE INDEX IF NOT EXISTS assistant_view_popular_idx ON assistants.assistant_view (conversations DESC, messages DESC, tokens DESC, id DESC) WHERE status <> 'archived';
      CREATE INDEX IF NOT EXISTS assistant_view_parent_idx ON assistants.assistant_view (parent_id);
    `,
  },
];

export const LIVE_SLUG_CONSTRAINT = 'assistant_view_live_slug_key';
