// The audit trail: one row per domain event of any service, projected from the bus. Each filter of the audit
// query has an index in the list's order (newest first), so a filtered page reads only its own rows.
export const auditMigrations = [
  {
    id: 'access-002-audit-entry',
    sql: `
      CREATE TABLE IF NOT EXISTS audit_entry (
        event_id uuid PRIMARY KEY,
        at timestamptz NOT NULL,
        action text NOT NULL,
        resource text NOT NULL,
        resource_type text NOT NULL,
        actor_id text NOT NULL,
        actor_owner_id text,
        actor_role text,
        request_id text,
        correlation_id text,
        stream_id text NOT NULL
      );
      CREATE INDEX IF NOT EXISTS audit_entry_newest_idx ON audit_entry (at DESC, event_id DESC);
      CREATE INDEX IF NOT EXISTS audit_entry_actor_idx ON audit_entry (actor_id, at DESC, event_id DESC);
      CREATE INDEX IF NOT EXISTS audit_entry_resource_idx ON audit_entry (resource, at DESC, event_id DESC);
      CREATE INDEX IF NOT EXISTS audit_entry_action_idx ON audit_entry (action, at DESC, event_id DESC);
    `,
  },
];
