import { Controller, Inject } from '@nestjs/common';
import {
  AccessOperations as Ops,
  type AuditEntryDto,
  type OperationInput,
  type Page,
  type Role,
} from '@platform/contracts';
import { PG_POOL } from '@platform/event-store';
import { CursorSchemas, Paging, RpcOperation } from '@platform/service-kit';
import type { Pool } from 'pg';

interface AuditRow {
  event_id: string;
  at: Date;
  action: string;
  resource: string;
  resource_type: string;
  actor_id: string;
  actor_owner_id: string | null;
  actor_role: Role | null;
  request_id: string | null;
  correlation_id: string | null;
}

/** The audit trail, newest first. A read: it appends nothing, so reading the trail never shows up in it. */
@Controller()
export class AuditQuery {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly paging: Paging,
  ) {}

  @RpcOperation(Ops.audit)
  async list({ query: q }: OperationInput<typeof Ops.audit>): Promise<Page<AuditEntryDto>> {
    const where: string[] = ['true'];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown) => where.push(sql.replace('?', `$${params.push(value)}`));
    if (q.actorId) add('actor_id = ?', q.actorId);
    if (q.resource) add('resource = ?', q.resource);
    if (q.action) add('action = ?', q.action);
    if (q.from) add('at >= ?::timestamptz', q.from);
    if (q.to) add('at < ?::timestamptz', q.to);
    const after = this.paging.decode(q.cursor, CursorSchemas.newest);
    if (after) where.push(`(at, event_id) < ($${params.push(after.c)}::timestamptz, $${params.push(after.i)}::uuid)`);
    const { rows } = await this.pool.query<AuditRow>(
      `SELECT * FROM audit_entry WHERE ${where.join(' AND ')}
       ORDER BY at DESC, event_id DESC LIMIT $${params.push(q.limit + 1)}`,
      params,
    );
    return this.paging.page(rows, q.limit, toAuditEntry, (r) => ({ c: r.at.toISOString(), i: r.event_id }));
  }
}

const toAuditEntry = (r: AuditRow): AuditEntryDto => ({
  eventId: r.event_id,
  at: r.at.toISOString(),
  action: r.action,
  resource: r.resource,
  resourceType: r.resource_type,
  actorId: r.actor_id,
  actorOwnerId: r.actor_owner_id,
  actorRole: r.actor_role,
  requestId: r.request_id,
  correlationId: r.correlation_id,
});
