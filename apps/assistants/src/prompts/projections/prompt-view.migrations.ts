// Read-model tables of prompts: one row per prompt (its latest state) and one per immutable version.
export const promptViewMigrations = [
  {
    id: 'assistants-003-prompt-view',
    sql: `
      CREATE TABLE IF NOT EXISTS prompt_view (
        id uuid PRIMARY KEY,
        name text NOT NULL,
        tags text[] NOT NULL,
        latest_version integer NOT NULL,
        labels jsonb NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        doc jsonb NOT NULL,
        search tsvector NOT NULL
      );
      CREATE UNIQUE INDEX IF NOT EXISTS prompt_view_name_key ON prompt_view (lower(name));
      CREATE INDEX IF NOT EXISTS prompt_view_newest_idx ON prompt_view (created_at DESC, id DESC);
      CREATE INDEX IF NOT EXISTS prompt_view_tags_idx ON prompt_view USING gin (tags);
      CREATE INDEX IF NOT EXISTS prompt_view_labels_idx ON prompt_view USING gin (labels);
      CREATE INDEX IF NOT EXISTS prompt_view_search_idx ON prompt_view USING gin (search);
      CREATE TABLE IF NOT EXISTS prompt_versions (
        prompt_id uuid NOT NULL,
        version integer NOT NULL,
        name text NOT NULL,
        description text,
        tags text[] NOT NULL,
        template text NOT NULL,
        variables jsonb NOT NULL,
        created_at timestamptz NOT NULL,
        actor_id text NOT NULL,
        PRIMARY KEY (prompt_id, version)
      );
    `,
  },
  {
    id: 'assistants-004-assistant-prompt-links',
    sql: `
      CREATE TABLE IF NOT EXISTS assistant_prompt_links (
        assistant_id uuid NOT NULL,
        prompt_id uuid NOT NULL,
        role text NOT NULL,
        priority integer NOT NULL,
        pin jsonb NOT NULL,
        PRIMARY KEY (assistant_id, prompt_id)
      );
      CREATE INDEX IF NOT EXISTS assistant_prompt_links_prompt_idx ON assistant_prompt_links (prompt_id);
    `,
  },
  {
    // The stream revision each document reflects, as its own column (the command runner's expected revision).
    id: 'assistants-006-prompt-view-revision',
    sql: `
      ALTER TABLE prompt_view ADD COLUMN IF NOT EXISTS revision integer;
      UPDATE prompt_view SET revision = (doc->>'revision')::int WHERE revision IS NULL;
      ALTER TABLE prompt_view ALTER COLUMN revision SET NOT NULL;
    `,
  },
  {
    // The words of each prompt's latest version (the lexemes of its search vector), so suggestions look up the
    // prompts that mention an assistant's keywords by index instead of matching every candidate's text.
    id: 'assistants-007-prompt-terms',
    sql: `
      CREATE TABLE IF NOT EXISTS prompt_terms (
        term text NOT NULL,
        prompt_id uuid NOT NULL,
        PRIMARY KEY (term, prompt_id)
      );
      CREATE INDEX IF NOT EXISTS prompt_terms_prompt_idx ON prompt_terms (prompt_id);
      INSERT INTO prompt_terms (term, prompt_id)
        SELECT DISTINCT t.lexeme, p.id FROM prompt_view p, unnest(p.search) AS t
        ON CONFLICT DO NOTHING;
    `,
  },
  {
    id: 'assistants-008-prompt-owner',
    // Prompts written before owners were recorded keep NULL: they belong to no owner.
    sql: `
      ALTER TABLE prompt_view ADD COLUMN IF NOT EXISTS owner_id text;
      CREATE INDEX IF NOT EXISTS prompt_view_owner_newest_idx ON prompt_view (owner_id, created_at DESC, id DESC);
    `,
  },
];

export const PROMPT_NAME_CONSTRAINT = 'prompt_view_name_key';
