import { Inject, Injectable } from '@nestjs/common';
import {
  canSee,
  type DeploymentDto,
  type DeploymentEnvironment,
  type DeploymentHistoryQuery,
  type Page,
  type OwnerScoped,
} from '@platform/contracts';
import type { Deployment } from '@platform/deployments-domain';
import { PG_POOL } from '@platform/event-store';
import { CursorSchemas, Paging } from '@platform/service-kit';
import type { Pool } from 'pg';
import { toDeploymentDto } from '../deployment.mapper';

/** What the status overview shows of an environment's current deployment. */
export type EnvironmentStatusRow = Pick<
  Deployment,
  'id' | 'environment' | 'status' | 'assistantVersion' | 'resources' | 'statusHistory' | 'updatedAt'
>;

/**
 * Queries over the deployment view; the write side keeps it current in the append transaction. A deployment of
 * another owner's assistant reads as none (see `canSee`).
 */
@Injectable()
export class DeploymentReadRepository {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly paging: Paging,
  ) {}

  async get(id: string, meta: OwnerScoped): Promise<Deployment | null> {
    const { rows } = await this.pool.query<{ doc: Deployment }>('SELECT doc FROM deployment_view WHERE id = $1', [id]);
    const doc = rows[0]?.doc ?? null;
    return doc && canSee(meta, doc.ownerId) ? doc : null;
  }

  /** The owner of an assistant's deployments, or undefined when it has none. */
  async ownerOf(assistantId: string): Promise<string | undefined> {
    const { rows } = await this.pool.query<{ owner_id: string }>(
      'SELECT owner_id FROM deployment_view WHERE assistant_id = $1 LIMIT 1',
      [assistantId],
    );
    return rows[0]?.owner_id;
  }

  /**
   * The status overview's rows in one query: the owner of the assistant's deployments (undefined when it has none),
   * and per environment what serves there or is on its way (the active one first, else the newest in progress),
   * with only the fields the overview shows.
   */
  async status(assistantId: string): Promise<{ owner: string | undefined; live: EnvironmentStatusRow[] }> {
    const { rows } = await this.pool.query<{ owner_id: string } & Partial<EnvironmentStatusRow>>({
      name: 'deployment-view-status',
      text: `SELECT o.owner_id, l.id, l.environment, l.status, l.doc->'assistantVersion' AS "assistantVersion",
                    l.doc->'resources' AS resources, l.doc->'statusHistory' AS "statusHistory",
                    l.doc->>'updatedAt' AS "updatedAt"
             FROM (SELECT owner_id FROM deployment_view WHERE assistant_id = $1 LIMIT 1) o
             LEFT JOIN LATERAL (
               SELECT DISTINCT ON (environment) id, environment, status, doc FROM deployment_view
               WHERE assistant_id = $1 AND status IN ('active', 'pending', 'deploying')
               ORDER BY environment, (status = 'active') DESC, created_at DESC
             ) l ON true`,
      values: [assistantId],
    });
    return {
      owner: rows[0]?.owner_id,
      live: rows.filter((r): r is typeof r & EnvironmentStatusRow => r.id != null),
    };
  }

  async active(assistantId: string, environment: DeploymentEnvironment): Promise<Deployment | null> {
    // Named: a promotion reads its source this way, and the conversations service asks for it per start.
    const { rows } = await this.pool.query<{ doc: Deployment }>({
      name: 'deployment-view-active',
      text: `SELECT doc FROM deployment_view WHERE assistant_id = $1 AND environment = $2 AND status = 'active'
       ORDER BY created_at DESC LIMIT 1`,
      values: [assistantId, environment],
    });
    return rows[0]?.doc ?? null;
  }

  /** The environments where an assistant has a deployment serving or on its way. */
  async liveEnvironments(assistantId: string): Promise<DeploymentEnvironment[]> {
    const { rows } = await this.pool.query<{ environment: DeploymentEnvironment }>(
      `SELECT DISTINCT environment FROM deployment_view
       WHERE assistant_id = $1 AND status IN ('active', 'pending', 'deploying')`,
      [assistantId],
    );
    return rows.map((r) => r.environment);
  }

  /** An assistant's deployments, newest first, in one environment or all. */
  async history(assistantId: string, q: DeploymentHistoryQuery): Promise<Page<DeploymentDto>> {
    const params: unknown[] = [assistantId];
    const where = ['assistant_id = $1'];
    if (q.environment) where.push(`environment = $${params.push(q.environment)}`);
    const after = this.paging.decode(q.cursor, CursorSchemas.newest);
    if (after) where.push(`(created_at, id) < ($${params.push(after.c)}::timestamptz, $${params.push(after.i)}::uuid)`);
    const { rows } = await this.pool.query<{ doc: Deployment; at: Date }>(
      `SELECT doc, created_at AS at FROM deployment_view WHERE ${where.join(' AND ')}
       ORDER BY created_at DESC, id DESC LIMIT $${params.push(q.limit + 1)}`,
      params,
    );
    return this.paging.page(
      rows,
      q.limit,
      (r) => toDeploymentDto(r.doc),
      (r) => ({ c: r.at.toISOString(), i: r.doc.id }),
    );
  }
}
