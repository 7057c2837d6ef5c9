// The drill's analytics check, run only once the analytics service is in the registry of the build: its read
// models after the failovers must equal a rebuild from the event store. Both replicas are stopped first (nothing
// moves underneath), the read models are read, rebuilt with tools/projections/rebuild.mjs, and read again.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { REPO_ROOT } from '../dev/platform-apps.js';
import { query } from './servers.mjs';

const SCHEMA = 'analytics';
// The store's and the consumers' bookkeeping: positions and dedupe records differ after a rebuild by design.
const BOOKKEEPING = /^(events|streams|migrations|checkpoints|processed_events|relay_.*|parked_events|idempotency.*)$/;

async function snapshot(databaseUrl) {
  const tables = await query(
    databaseUrl,
    "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = $1 AND table_type = 'BASE TABLE' ORDER BY 1",
    [SCHEMA],
  );
  const result = {};
  for (const { name } of tables.filter((t) => !BOOKKEEPING.test(t.name))) {
    // updated_at says when a row was last written (wall clock), which a rebuild changes by design.
    const rows = await query(databaseUrl, `SELECT to_jsonb(t) - 'updated_at' AS row FROM "${SCHEMA}"."${name}" t`);
    result[name] = rows.map((r) => JSON.stringify(r.row)).sort();
  }
  return result;
}

export async function checkAnalytics({ databaseUrl, stopReplicas, log }) {
  await stopReplicas();
  const live = await snapshot(databaseUrl);
  const rebuild = spawnSync(
    process.execPath,
    [path.join(REPO_ROOT, 'tools', 'projections', 'rebuild.mjs'), 'analytics'],
    {
      env: { ...process.env, DATABASE_URL: databaseUrl },
      encoding: 'utf8',
      timeout: 180_000,
    },
  );
  if (rebuild.status !== 0)
    return { problems: [`analytics rebuild failed: ${(rebuild.stderr || rebuild.stdout).trim().slice(-500)}`] };
  const rebuilt = await snapshot(databaseUrl);
  const problems = [];
  for (const table of new Set([...Object.keys(live), ...Object.keys(rebuilt)])) {
    const a = live[table] ?? [];
    const b = rebuilt[table] ?? [];
    if (a.length !== b.length || a.some((row, i) => row !== b[i])) {
      const i = a.findIndex((row, n) => row !== b[n]);
      const at = i === -1 ? Math.min(a.length, b.length) : i;
      problems.push(
        `analytics.${table} differs from its rebuild (${a.length} rows live, ${b.length} rebuilt); first difference:\n` +
          `    live:    ${(a[at] ?? '(none)').slice(0, 1500)}\n    rebuilt: ${(b[at] ?? '(none)').slice(0, 1500)}`,
      );
    }
  }
  log(`analytics: ${Object.keys(live).length} read models compared with a rebuild, ${problems.length} differ`);
  return { problems };
}
