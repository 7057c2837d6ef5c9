// Read-model table of deployments, in the service's own schema (names resolve there), applied at start.
export const deploymentViewMigrations = [
  {
    id: 'deployments-001-views',
    sql: `
      CREATE TABLE IF NOT EXISTS deployment_view (
        id uuid PRIMARY KEY,
        assistant_id uuid NOT NULL,
        -- The assistant's owner at deployment: what owner-scoped reads filter on.
        owner_id text NOT NULL,
        environment text NOT NULL,
        status text NOT NULL,
        created_at timestamptz NOT NULL,
        doc jsonb NOT NULL,
        revision integer NOT NULL
      );
      -- A slot (assistant and environment) newest first: what every command loads, and the history.
      CREATE INDEX IF NOT EXISTS deployment_view_slot_idx
        ON deployment_view (assistant_id, environment, created_at DESC, id DESC);
      CREATE INDEX IF NOT EXISTS deployment_view_assistant_idx ON deployment_view (assistant_id, created_at DESC, id DESC);
      -- What serves or is on its way, per slot: the status reads and the archive workflow.
      CREATE INDEX IF NOT EXISTS deployment_view_live_idx ON deployment_view (assistant_id, environment)
        WHERE status IN ('active', 'pending', 'deploying');
    `,
  },
];
