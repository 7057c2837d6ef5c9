import { Inject, Injectable } from '@nestjs/common';
import type { Conversation } from '@platform/conversations-domain';
import {
  canSee,
  ownerScope,
  type ActiveConversationsQuery,
  type ConversationDto,
  type ListConversationsQuery,
  type ListMessagesQuery,
  type MessageDto,
  type MessageRole,
  type Page,
  type OwnerScoped,
} from '@platform/contracts';
import { PG_POOL } from '@platform/event-store';
import { CursorSchemas, Paging } from '@platform/service-kit';
import type { Pool } from 'pg';
import { toConversationDto, toMessageDto, type MessageRow } from '../conversation.mapper';

/**
 * Queries over the conversation read models; the write side keeps them current in the append transaction.
 * Every list starts from the caller's owner filter (see `ownedBy`); one conversation of another owner reads as none.
 */

/** The conditions of a list: none, or the caller's owner when its key is confined to one. */
function ownedBy(meta: OwnerScoped): Conditions {
  const where = new Conditions();
  const scope = ownerScope(meta);
  if (scope !== undefined) where.add('owner_id = ?', scope);
  return where;
}

@Injectable()
export class ConversationReadRepository {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly paging: Paging,
  ) {}

  /** The conversation, or null when there is none or it is another owner's (see `ownerScope`). */
  async get(id: string, meta?: OwnerScoped): Promise<Conversation | null> {
    const { rows } = await this.pool.query<{ doc: Conversation }>('SELECT doc FROM conversation_view WHERE id = $1', [
      id,
    ]);
    const doc = rows[0]?.doc ?? null;
    return doc && (!meta || canSee(meta, doc.ownerId)) ? doc : null;
  }

  /** Whether the conversation exists for this caller, without reading its document (which holds the window). */
  async visible(id: string, meta: OwnerScoped): Promise<boolean> {
    const { rows } = await this.pool.query<{ owner_id: string | null }>(
      'SELECT owner_id FROM conversation_view WHERE id = $1',
      [id],
    );
    return rows.length > 0 && canSee(meta, rows[0].owner_id);
  }

  list(q: ListConversationsQuery, meta: OwnerScoped): Promise<Page<ConversationDto>> {
    const where = ownedBy(meta);
    if (q.assistantId) where.add('assistant_id = ?', q.assistantId);
    if (q.userId) where.add('user_id = ?', q.userId);
    if (q.status) where.add('status = ?', q.status);
    return this.page(where, 'started_at', q);
  }

  /** Active conversations, most recently active first. */
  active(q: ActiveConversationsQuery, meta: OwnerScoped): Promise<Page<ConversationDto>> {
    const where = ownedBy(meta);
    where.addRaw("status = 'active'"); // a literal, so the partial index answers
    if (q.assistantId) where.add('assistant_id = ?', q.assistantId);
    if (q.userId) where.add('user_id = ?', q.userId);
    return this.page(where, 'last_activity_at', q);
  }

  private async page(
    where: Conditions,
    column: 'started_at' | 'last_activity_at',
    q: { limit: number; cursor?: string },
  ): Promise<Page<ConversationDto>> {
    const after = this.paging.decode(q.cursor, CursorSchemas.newest);
    if (after) where.addRaw(`(${column}, id) < (?::timestamptz, ?::uuid)`, after.c, after.i);
    const { rows } = await this.pool.query<{ doc: Conversation; at: Date }>(
      `SELECT doc, ${column} AS at FROM conversation_view ${where.sql()}
       ORDER BY ${column} DESC, id DESC LIMIT ${where.param(q.limit + 1)}`,
      where.params,
    );
    return this.paging.page(
      rows,
      q.limit,
      (r) => toConversationDto(r.doc),
      (r) => ({ c: r.at.toISOString(), i: r.doc.id }),
    );
  }

  /** One page of the full history, folded messages included, by sequence number. */
  async messages(conversationId: string, q: ListMessagesQuery): Promise<Page<MessageDto>> {
    const after = this.paging.decode(q.cursor, CursorSchemas.sequence);
    const desc = q.order === 'desc';
    const params: unknown[] = [conversationId];
    const from = after ? `AND seq ${desc ? '<' : '>'} $${params.push(after.v)}` : '';
    const { rows } = await this.pool.query<MessageRow>(
      `SELECT doc, compressed, feedback FROM message_view WHERE conversation_id = $1 ${from}
       ORDER BY seq ${desc ? 'DESC' : 'ASC'} LIMIT $${params.push(q.limit + 1)}`,
      params,
    );
    return this.paging.page(
      rows,
      q.limit,
      (r) => toMessageDto(conversationId, r),
      (r) => ({ v: r.doc.seq }),
    );
  }

  async message(conversationId: string, messageId: string): Promise<MessageDto | null> {
    const { rows } = await this.pool.query<MessageRow>(
      'SELECT doc, compressed, feedback FROM message_view WHERE conversation_id = $1 AND id = $2',
      [conversationId, messageId],
    );
    return rows[0] ? toMessageDto(conversationId, rows[0]) : null;
  }

  /** The role and current rating of a message of the conversation, for the feedback rule. */
  async rated(conversationId: string, messageId: string): Promise<{ role: MessageRole; rating: number | null } | null> {
    const { rows } = await this.pool.query<{ role: MessageRole; rating: number | null }>(
      `SELECT role, (feedback->>'rating')::int AS rating FROM message_view WHERE conversation_id = $1 AND id = $2`,
      [conversationId, messageId],
    );
    return rows[0] ?? null;
  }

  async exists(conversationId: string, messageId: string): Promise<boolean> {
    const { rowCount } = await this.pool.query('SELECT 1 FROM message_view WHERE conversation_id = $1 AND id = $2', [
      conversationId,
      messageId,
    ]);
    return (rowCount ?? 0) > 0;
  }

  /** Active conversations idle since before `cutoff`, oldest first. */
  async idleSince(cutoff: Date, limit: number): Promise<string[]> {
    const { rows } = await this.pool.query<{ id: string }>(
      `SELECT id FROM conversation_view WHERE status = 'active' AND last_activity_at < $1
       ORDER BY last_activity_at LIMIT $2`,
      [cutoff, limit],
    );
    return rows.map((r) => r.id);
  }
}

/** A WHERE clause built one condition at a time, each `?` becoming the next positional parameter. */
class Conditions {
  readonly params: unknown[] = [];
  private readonly parts: string[] = [];

  add(sql: string, value: unknown): void {
    this.addRaw(sql, value);
  }

  addRaw(sql: string, ...values: unknown[]): void {
    let i = 0;
    this.parts.push(sql.replace(/\?/g, () => this.param(values[i++])));
  }

  param(value: unknown): string {
    return `$${this.params.push(value)}`;
  }

  sql(): string {
    return this.parts.length ? `WHERE ${this.parts.join(' AND ')}` : '';
  }
}
