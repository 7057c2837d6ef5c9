import { LIVE_TABLES, tableDdl } from './tables';

export const analyticsMigrations = [
  { id: 'analytics-001-read-models', sql: tableDdl(LIVE_TABLES) },
  {
    id: 'analytics-002-alert-view',
    sql: `
      CREATE TABLE IF NOT EXISTS alert_view (
        id text PRIMARY KEY,
        owner_id text,
        open_count integer NOT NULL,
        doc jsonb NOT NULL,
        revision integer NOT NULL
      );
      CREATE INDEX IF NOT EXISTS alert_view_open_idx ON alert_view (owner_id) WHERE open_count > 0;`,
  },
];
