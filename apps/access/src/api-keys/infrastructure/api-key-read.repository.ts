import { Inject, Injectable } from '@nestjs/common';
import type { ApiKey } from '@platform/access-domain';
import type { ApiKeyDto, ListApiKeysQuery, Page } from '@platform/contracts';
import { PG_POOL } from '@platform/event-store';
import { CursorSchemas, Paging } from '@platform/service-kit';
import type { Pool } from 'pg';
import { toApiKeyDto } from '../api-key.mapper';

const STATUS = {
  active: 'revoked_at IS NULL AND (expires_at IS NULL OR expires_at > $now)',
  expired: 'revoked_at IS NULL AND expires_at <= $now',
  revoked: 'revoked_at IS NOT NULL',
} as const;

/** Queries over the API key read model; the write side keeps it current in the append transaction. */
@Injectable()
export class ApiKeyReadRepository {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly paging: Paging,
  ) {}

  async get(id: string): Promise<ApiKey | null> {
    const { rows } = await this.pool.query<{ doc: ApiKey }>('SELECT doc FROM api_key_view WHERE id = $1', [id]);
    return rows[0]?.doc ?? null;
  }

  /** Newest first; one `now` decides both the status filter and the statuses shown. */
  async list(q: ListApiKeysQuery): Promise<Page<ApiKeyDto>> {
    const now = new Date().toISOString();
    const where: string[] = ['true'];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown) => where.push(sql.replace('?', `$${params.push(value)}`));
    if (q.role) add('role = ?', q.role);
    if (q.ownerId) add('owner_id = ?', q.ownerId);
    if (q.status) where.push(STATUS[q.status].replaceAll('$now', `$${params.push(now)}::timestamptz`));
    const after = this.paging.decode(q.cursor, CursorSchemas.newest);
    if (after) where.push(`(created_at, id) < ($${params.push(after.c)}::timestamptz, $${params.push(after.i)}::uuid)`);
    const { rows } = await this.pool.query<{ doc: ApiKey; created_at: Date }>(
      `SELECT doc, created_at FROM api_key_view WHERE ${where.join(' AND ')}
       ORDER BY created_at DESC, id DESC LIMIT $${params.push(q.limit + 1)}`,
      params,
    );
    return this.paging.page(
      rows,
      q.limit,
      (r) => toApiKeyDto(r.doc, now),
      (r) => ({ c: r.created_at.toISOString(), i: r.doc.id }),
    );
  }
}
