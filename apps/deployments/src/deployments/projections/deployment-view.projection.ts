import type { Deployment } from '@platform/deployments-domain';
import type { SqlExecutor } from '@platform/event-store';

/** The deployment read model, written inside the append transaction (read-your-writes). */
export async function writeDeploymentView(sql: SqlExecutor, d: Deployment, revision: number): Promise<void> {
  // Named: each connection parses and plans it once (every deploy writes one or two view rows).
  await sql.query({
    name: 'deployment-view-upsert',
    text: `INSERT INTO deployment_view (id, assistant_id, owner_id, environment, status, created_at, doc, revision)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT (id) DO UPDATE SET status = EXCLUDED.status, doc = EXCLUDED.doc, revision = EXCLUDED.revision`,
    values: [d.id, d.assistantId, d.ownerId, d.environment, d.status, d.createdAt, JSON.stringify(d), revision],
  });
}
