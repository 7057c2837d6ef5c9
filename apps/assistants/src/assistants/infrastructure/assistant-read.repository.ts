import { Inject, Injectable } from '@nestjs/common';
import type { Assistant, Prompt } from '@platform/assistants-domain';
import {
  canSee,
  ownerScope,
  type AssistantDto,
  type ListAssistantsQuery,
  type Page,
  type PopularAssistantsQuery,
  type SearchAssistantsQuery,
  type SearchHitDto,
  type OwnerScoped,
} from '@platform/contracts';
import { PG_POOL } from '@platform/event-store';
import { batchedLookup, CursorSchemas, Paging } from '@platform/service-kit';
import type { Pool } from 'pg';
import { validate as isUuid } from 'uuid';
import type { PromptVersionRow } from '../../prompts/prompt.mapper';
import { toAssistantDto } from '../assistant.mapper';

/** A prompt version a link resolves to: what composing needs of it. */
type LinkedVersion = Pick<PromptVersionRow, 'version' | 'template' | 'variables'>;
type LinkedVersionRow = LinkedVersion & { promptId: string };

/** Queries over the assistant read model; the write side keeps it current in the append transaction. */
@Injectable()
export class AssistantReadRepository {
  /** The hottest read: the lookups of one turn of the event loop go to PostgreSQL as one query. */
  private readonly byId = batchedLookup<string, Assistant>(async (ids) => {
    // Only a UUID can be an assistant's id; anything else would fail the cast for the whole batch.
    const valid = ids.filter((id) => isUuid(id));
    if (valid.length === 0) return new Map();
    // Named, so each connection parses and plans it once instead of on every request.
    const { rows } = await this.pool.query<{ id: string; doc: Assistant }>({
      name: 'assistant-view-get-many',
      text: 'SELECT id, doc FROM assistant_view WHERE id = ANY($1::uuid[])',
      values: [valid],
    });
    return new Map(rows.map((row) => [row.id, row.doc]));
  });

  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly paging: Paging,
  ) {}

  /** The assistant, or null when there is none or it is another owner's (see `ownerScope`). */
  async get(id: string, meta?: OwnerScoped): Promise<Assistant | null> {
    // PostgreSQL writes a UUID in lower case: the key the batch's answer is found by.
    const doc = await this.byId(id.toLowerCase());
    return doc && (!meta || canSee(meta, doc.ownerId)) ? doc : null;
  }

  /**
   * The assistant, the prompts it links to, and the versions its links resolve to (a pinned version, or the one
   * the followed label names), in one statement: one round trip and one snapshot of all three. Which version a
   * link resolves to is `resolvedVersion`'s to say; the statement fetches the same ones so that it needs no
   * second trip, and a version it did not fetch is one the caller finds missing.
   */
  async getWithLinkedPrompts(
    id: string,
    meta: OwnerScoped,
  ): Promise<{ assistant: Assistant; prompts: Map<string, Prompt>; versions: Map<string, LinkedVersion> } | null> {
    const { rows } = await this.pool.query<{ doc: Assistant; prompts: Prompt[]; versions: LinkedVersionRow[] }>({
      name: 'assistant-view-get-with-prompts',
      text: `SELECT a.doc,
               (SELECT coalesce(jsonb_agg(p.doc), '[]') FROM prompt_view p
                WHERE p.id = ANY(ARRAY(SELECT (l->>'promptId')::uuid FROM jsonb_array_elements(a.doc->'promptLinks') l))) AS prompts,
               (SELECT coalesce(jsonb_agg(jsonb_build_object('promptId', v.prompt_id, 'version', v.version,
                                                             'template', v.template, 'variables', v.variables)), '[]')
                FROM jsonb_array_elements(a.doc->'promptLinks') l
                JOIN prompt_view p ON p.id = (l->>'promptId')::uuid
                JOIN prompt_versions v ON v.prompt_id = p.id
                 AND v.version = coalesce((l->'pin'->>'version')::int, (p.doc->'labels'->>(l->'pin'->>'label'))::int)) AS versions
             FROM assistant_view a WHERE a.id = $1`,
      values: [id],
    });
    if (!rows[0] || !canSee(meta, rows[0].doc.ownerId)) return null;
    return {
      assistant: rows[0].doc,
      prompts: new Map(rows[0].prompts.map((p) => [p.id, p])),
      versions: new Map(rows[0].versions.map(({ promptId, ...v }) => [`${promptId}@${v.version}`, v])),
    };
  }

  async list(q: ListAssistantsQuery, meta: OwnerScoped): Promise<Page<AssistantDto>> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown) => where.push(sql.replace('?', `$${params.push(value)}`));
    if (q.status) add('status = ?', q.status);
    else where.push(`status <> 'archived'`);
    if (q.type) add('type = ?', q.type);
    if (q.tag) add('tags @> ?::text[]', q.tag); // every tag asked for; the GIN index answers it
    if (q.ownerId) add('owner_id = ?', q.ownerId);
    if (q.parentId) add('parent_id = ?', q.parentId);
    const scope = ownerScope(meta);
    if (scope !== undefined) add('owner_id = ?', scope);
    const after = this.paging.decode(q.cursor, CursorSchemas.newest);
    if (after) where.push(`(created_at, id) < ($${params.push(after.c)}::timestamptz, $${params.push(after.i)}::uuid)`);
    const { rows } = await this.pool.query<{ doc: Assistant; created_at: Date }>(
      `SELECT doc, created_at FROM assistant_view WHERE ${where.join(' AND ')}
       ORDER BY created_at DESC, id DESC LIMIT $${params.push(q.limit + 1)}`,
      params,
    );
    return this.paging.page(
      rows,
      q.limit,
      (r) => toAssistantDto(r.doc),
      (r) => ({ c: r.created_at.toISOString(), i: r.doc.id }),
    );
  }

  async search(q: SearchAssistantsQuery, meta: OwnerScoped): Promise<Page<SearchHitDto>> {
    const terms = q.q.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
    if (terms.length === 0) return { data: [], nextCursor: null };
    const params: unknown[] = [terms.map((t) => `${t}:*`).join(' & ')];
    const where = ['search @@ query'];
    if (q.status) where.push(`status = $${params.push(q.status)}`);
    else where.push(`status <> 'archived'`);
    if (q.type) where.push(`type = $${params.push(q.type)}`);
    if (q.tag) where.push(`tags @> $${params.push(q.tag)}::text[]`);
    const scope = ownerScope(meta);
    if (scope !== undefined) where.push(`owner_id = $${params.push(scope)}`);
    const after = this.paging.decode(q.cursor, CursorSchemas.ranked);
    const cursorFilter = after
      ? `WHERE (score, id) < ($${params.push(after.r)}::float8, $${params.push(after.i)}::uuid)`
      : '';
    const { rows } = await this.pool.query<{ doc: Assistant; score: number }>(
      `SELECT doc, score FROM (
         SELECT doc, id, round(ts_rank(search, query)::numeric, 6)::float8 AS score
         FROM assistant_view, to_tsquery('simple', $1) query
         WHERE ${where.join(' AND ')}) ranked
       ${cursorFilter}
       ORDER BY score DESC, id DESC LIMIT $${params.push(q.limit + 1)}`,
      params,
    );
    return this.paging.page(
      rows,
      q.limit,
      (r) => ({ ...toAssistantDto(r.doc), score: r.score }),
      (r) => ({ r: r.score, i: r.doc.id }),
    );
  }

  async popular(q: PopularAssistantsQuery, meta: OwnerScoped): Promise<Page<AssistantDto>> {
    const params: unknown[] = [];
    const scope = ownerScope(meta);
    const ownerFilter = scope === undefined ? '' : `AND owner_id = $${params.push(scope)}`;
    const after = this.paging.decode(q.cursor, CursorSchemas.popular);
    const cursorFilter = after
      ? `AND (conversations, messages, tokens, id) < ($${params.push(after.c)}, $${params.push(after.m)}, $${params.push(after.t)}, $${params.push(after.i)}::uuid)`
      : '';
    const { rows } = await this.pool.query<{ doc: Assistant }>(
      `SELECT doc FROM assistant_view WHERE status <> 'archived' ${ownerFilter} ${cursorFilter}
       ORDER BY conversations DESC, messages DESC, tokens DESC, id DESC LIMIT $${params.push(q.limit + 1)}`,
      params,
    );
    return this.paging.page(
      rows,
      q.limit,
      (r) => toAssistantDto(r.doc),
      ({ doc: { usage: u, id } }) => ({ c: u.conversations, m: u.messages, t: u.tokens, i: id }),
    );
  }

  /** The base slug, or base-2, base-3 … whichever no live assistant uses yet. */
  async freeSlug(base: string): Promise<string> {
    const { rows } = await this.pool.query<{ slug: string }>(
      `SELECT slug FROM assistant_view WHERE status <> 'archived' AND (slug = $1 OR slug ~ ('^' || $1 || '-[0-9]+$'))`,
      [base],
    );
    const taken = new Set(rows.map((r) => r.slug));
    if (!taken.has(base)) return base;
    for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
  }
}
