// The API key read model, in the service's own schema (names resolve there), applied at start.
export const apiKeyViewMigrations = [
  {
    id: 'access-001-api-key-view',
    sql: `
      CREATE TABLE IF NOT EXISTS api_key_view (
        id uuid PRIMARY KEY,
        role text NOT NULL,
        owner_id text,
        created_at timestamptz NOT NULL,
        revoked_at timestamptz,
        expires_at timestamptz,
        doc jsonb NOT NULL,
        revision integer NOT NULL
      );
      CREATE INDEX IF NOT EXISTS api_key_view_newest_idx ON api_key_view (created_at DESC, id DESC);
      CREATE INDEX IF NOT EXISTS api_key_view_owner_idx ON api_key_view (owner_id, created_at DESC, id DESC);
    `,
  },
];
