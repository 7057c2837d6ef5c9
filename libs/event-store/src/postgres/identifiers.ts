// Schema names are interpolated into SQL (identifiers cannot be bound as parameters), so only plain
// lower-case identifiers are accepted; anything else is rejected before it reaches a query.
const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,47}$/;

export function assertSchemaName(schema: string): string {
  if (!SCHEMA_NAME.test(schema)) {
    throw new Error(`Invalid schema name "${schema}": use lower-case letters, digits and _ (max 48 chars)`);
  }
  return schema;
}

/** Fully qualified table names of one store; computed once so queries never build names from input. */
export interface StoreTables {
  schema: string;
  events: string;
  streams: string;
  checkpoints: string;
  migrations: string;
  /** NOTIFY channel woken at every commit that appended events. */
  channel: string;
  /** The one-round-trip append (migration event-store-004). */
  appendFunction: string;
}

export function storeTables(schema: string): StoreTables {
  const s = `"${assertSchemaName(schema)}"`;
  return {
    schema,
    events: `${s}.events`,
    streams: `${s}.streams`,
    checkpoints: `${s}.subscription_checkpoints`,
    migrations: `${s}.schema_migrations`,
    channel: `${schema}_events`,
    appendFunction: `${s}.append_events`,
  };
}
