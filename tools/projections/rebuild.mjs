#!/usr/bin/env node
// Rebuilds a service's read models from its events: `npm run build` first, then
//   DATABASE_URL=postgres://… node tools/projections/rebuild.mjs assistants
//   npm run rebuild -- analytics      (every service's event store into fresh analytics tables, swapped in live)
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);
const service = process.argv[2];
const readModels = join(root, 'dist', 'apps', service ?? '', 'src', 'read-models.js');
if (!service || !existsSync(readModels)) {
  console.error(
    `usage: node tools/projections/rebuild.mjs <service>  (built services with read models: run "npm run build" first)`,
  );
  process.exit(2);
}
const { PostgresEventStore, rebuildProjections, runMigrations } = require(
  join(root, 'dist', 'libs', 'event-store', 'src', 'index.js'),
);
const models = require(readModels);
const databaseUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/platform';
if (models.rebuildAnalytics) {
  // Analytics projects every service's events: replay all their stores into fresh tables and swap them in.
  const { rebuildWithProgress } = await import('./rebuild-analytics.mjs');
  await rebuildWithProgress({ root, models, databaseUrl });
  process.exit(0);
}
const store = await PostgresEventStore.connect({
  connectionString: databaseUrl,
  schema: models.schema,
  inlineProjections: models.inlineProjections,
  // Replays must read old event versions as the projections expect them today.
  upcasters: models.upcasters,
  currentSchemaVersions: models.currentSchemaVersions,
});
try {
  await runMigrations(store.pool, models.schema, models.migrations);
  const started = Date.now();
  const count = await rebuildProjections(store, models.inlineProjections, models.resetReadModels);
  console.log(
    `${service}: replayed ${count} events through ${models.inlineProjections.length} projections in ${Date.now() - started} ms`,
  );
} finally {
  await store.close();
}
