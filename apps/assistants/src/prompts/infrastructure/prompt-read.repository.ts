import { Inject, Injectable } from '@nestjs/common';
import { PromptNotFoundError, type Prompt } from '@platform/assistants-domain';
import {
  canSee,
  ownerScope,
  type ListPromptsQuery,
  type Page,
  type PromptDto,
  type PromptVersionDto,
  type PromptVersionsQuery,
  type OwnerScoped,
} from '@platform/contracts';
import { PG_POOL } from '@platform/event-store';
import { CursorSchemas, Paging } from '@platform/service-kit';
import type { Pool } from 'pg';
import { toPromptDto, toPromptVersionDto, type PromptVersionRow } from '../prompt.mapper';

const VERSION_COLUMNS = 'version, name, description, tags, template, variables, created_at, actor_id';

/** Queries over the prompt read model. */
@Injectable()
export class PromptReadRepository {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly paging: Paging,
  ) {}

  /** The prompt, or null when there is none or it is another owner's (see `ownerScope`). */
  async get(id: string, meta?: OwnerScoped): Promise<Prompt | null> {
    const { rows } = await this.pool.query<{ doc: Prompt }>('SELECT doc FROM prompt_view WHERE id = $1', [id]);
    const doc = rows[0]?.doc ?? null;
    return doc && (!meta || canSee(meta, doc.ownerId ?? null)) ? doc : null;
  }

  async require(id: string, meta: OwnerScoped): Promise<Prompt> {
    const prompt = await this.get(id, meta);
    if (!prompt) throw new PromptNotFoundError(id);
    return prompt;
  }

  async many(ids: string[]): Promise<Map<string, Prompt>> {
    if (ids.length === 0) return new Map();
    const { rows } = await this.pool.query<{ doc: Prompt }>('SELECT doc FROM prompt_view WHERE id = ANY($1::uuid[])', [
      ids,
    ]);
    return new Map(rows.map((r) => [r.doc.id, r.doc]));
  }

  async version(id: string, version: number): Promise<PromptVersionRow | null> {
    const { rows } = await this.pool.query<PromptVersionRow>(
      `SELECT ${VERSION_COLUMNS} FROM prompt_versions WHERE prompt_id = $1 AND version = $2`,
      [id, version],
    );
    return rows[0] ?? null;
  }

  async list(q: ListPromptsQuery, meta: OwnerScoped): Promise<Page<PromptDto>> {
    const where: string[] = ['true'];
    const params: unknown[] = [];
    const scope = ownerScope(meta);
    if (scope !== undefined) where.push(`owner_id = $${params.push(scope)}`);
    if (q.name) where.push(`lower(name) LIKE '%' || lower($${params.push(q.name)}) || '%'`);
    if (q.tag) where.push(`tags @> $${params.push(q.tag)}::text[]`);
    if (q.label) where.push(`labels ? $${params.push(q.label)}`);
    const after = this.paging.decode(q.cursor, CursorSchemas.newest);
    if (after) where.push(`(created_at, id) < ($${params.push(after.c)}::timestamptz, $${params.push(after.i)}::uuid)`);
    const { rows } = await this.pool.query<{ doc: Prompt; created_at: Date }>(
      `SELECT doc, created_at FROM prompt_view WHERE ${where.join(' AND ')}
       ORDER BY created_at DESC, id DESC LIMIT $${params.push(q.limit + 1)}`,
      params,
    );
    return this.paging.page(
      rows,
      q.limit,
      (r) => toPromptDto(r.doc),
      (r) => ({ c: r.created_at.toISOString(), i: r.doc.id }),
    );
  }

  /** Versions oldest first; versions are numbered 1…n without gaps, so a page is a version range. */
  async versionPage(id: string, q: PromptVersionsQuery, meta: OwnerScoped): Promise<Page<PromptVersionDto>> {
    const prompt = await this.require(id, meta);
    const from = (this.paging.decode(q.cursor, CursorSchemas.sequence)?.v ?? 0) + 1;
    const { rows } = await this.pool.query<PromptVersionRow>(
      `SELECT ${VERSION_COLUMNS} FROM prompt_versions WHERE prompt_id = $1 AND version >= $2
       ORDER BY version LIMIT $3`,
      [id, from, q.limit + 1],
    );
    return this.paging.page(
      rows,
      q.limit,
      (r) => toPromptVersionDto(prompt, r),
      (r) => ({ v: r.version }),
    );
  }
}
