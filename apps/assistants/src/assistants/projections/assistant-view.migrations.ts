// Read-model tables of assistants, in the service's own schema (names resolve there), applied at start.
export const assistantViewMigrations = [
  {
    id: 'assistants-001-assistant-view',
    sql: `
      CREATE TABLE IF NOT EXISTS assistant_view (
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
      CREATE UNIQUE INDEX IF NOT EXISTS assistant_view_live_slug_key ON assistant_view (slug) WHERE status <> 'archived';
      CREATE INDEX IF NOT EXISTS assistant_view_newest_idx ON assistant_view (created_at DESC, id DESC);
      CREATE INDEX IF NOT EXISTS assistant_view_search_idx ON assistant_view USING gin (search);
      CREATE INDEX IF NOT EXISTS assistant_view_tags_idx ON assistant_view USING gin (tags);
      CREATE INDEX IF NOT EXISTS assistant_view_popular_idx ON assistant_view (conversations DESC, messages DESC, tokens DESC, id DESC) WHERE status <> 'archived';
      CREATE INDEX IF NOT EXISTS assistant_view_parent_idx ON assistant_view (parent_id);
    `,
  },
  {
    // The stream revision each document reflects (the command runner's expected revision), and documents written
    // before prompt links existed brought to today's shape, so no reader guards against the old one.
    id: 'assistants-005-assistant-view-revision',
    sql: `
      ALTER TABLE assistant_view ADD COLUMN IF NOT EXISTS revision integer;
      UPDATE assistant_view SET revision = version WHERE revision IS NULL;
      ALTER TABLE assistant_view ALTER COLUMN revision SET NOT NULL;
      UPDATE assistant_view SET doc = jsonb_set(doc, '{promptLinks}', '[]') WHERE NOT doc ? 'promptLinks';
    `,
  },
];

export const LIVE_SLUG_CONSTRAINT = 'assistant_view_live_slug_key';
