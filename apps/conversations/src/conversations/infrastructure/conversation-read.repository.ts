import { Inject, Injectable } from '@nestjs/common';
import { toWindowMessage, type Conversation, type WindowMessage } from '@platform/conversations-domain';
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
import { PG_POOL, type SqlExecutor } from '@platform/event-store';
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
    const { rows } = await this.pool.query<{ doc: Conversation }>({
      name: 'conversations.get',
      text: 'SELECT doc FROM conversation_view WHERE id = $1',
      values: [id],
    });
    const doc = rows[0]?.doc ?? null;
    return doc && (!meta || canSee(meta, doc.ownerId)) ? doc : null;
  }

  /** The conversation with its window (the messages not folded into the summary, oldest first), in one read. */
  async withWindow(
    id: string,
    meta?: OwnerScoped,
  ): Promise<{ conversation: Conversation; window: WindowMessage[] } | null> {
    const { rows } = await this.pool.query<{ doc: Conversation; window: MessageRow['doc'][] }>({
      name: 'conversations.get-with-window',
      text: `SELECT c.doc, coalesce((SELECT jsonb_agg(m.doc ORDER BY m.seq) FROM message_view m
                WHERE m.conversation_id = c.id AND NOT m.compressed), '[]') AS window
             FROM conversation_view c WHERE c.id = $1`,
      values: [id],
    });
    const row = rows[0];
    if (!row || (meta && !canSee(meta, row.doc.ownerId))) return null;
    return { conversation: row.doc, window: row.window.map(toWindowMessage) };
  }

  /**
   * The oldest messages of the window after `afterSeq`, oldest first, through `sql` (the append's transaction, under
   * the conversation's lock) or, null, the pool: what a fold takes them from.
   */
  async windowPage(sql: SqlExecutor | null, id: string, afterSeq: number, limit: number): Promise<WindowMessage[]> {
    const executor: SqlExecutor = sql ?? this.pool;
    const { rows } = await executor.query<{ doc: MessageRow['doc'] }>({
      name: 'conversations.window-page',
      text: `SELECT doc FROM message_view WHERE conversation_id = $1 AND NOT compressed AND seq > $2
             ORDER BY seq LIMIT $3`,
      values: [id, afterSeq, limit],
    });
    return rows.map((r) => toWindowMessage(r.doc));
  }

  /** Which of these tool call ids the conversation has made already (through `sql`, as windowPage). */
  async knownToolCalls(sql: SqlExecutor, id: string, toolCallIds: string[]): Promise<string[]> {
    if (toolCallIds.length === 0) return [];
    const { rows } = await sql.query<{ tool_call_id: string }>({
      name: 'conversations.known-tool-calls',
      text: 'SELECT tool_call_id FROM tool_call_view WHERE conversation_id = $1 AND tool_call_id = ANY($2::text[])',
      values: [id, toolCallIds],
    });
    return rows.map((r) => r.tool_call_id);
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

  /**
   * One page of the full history, folded messages included, by sequence number: one indexed range scan, the
   * owner check in the same statement. Null when the conversation does not exist for this caller.
   */
  async messages(conversationId: string, q: ListMessagesQuery, meta: OwnerScoped): Promise<Page<MessageDto> | null> {
    const after = this.paging.decode(q.cursor, CursorSchemas.sequence);
    const desc = q.order === 'desc';
    // From the cursor on, or from the start (an ascending page after seq 0, a descending one before the largest).
    const from = after ? after.v : desc ? 2147483647 : 0;
    const { rows } = await this.pool.query<{ owner_id: string | null } & Partial<MessageRow>>({
      name: `conversations.messages-${desc ? 'desc' : 'asc'}`,
      text: `SELECT c.owner_id, p.doc, p.compressed, p.feedback FROM conversation_view c
             LEFT JOIN LATERAL (SELECT doc, compressed, feedback FROM message_view
                                WHERE conversation_id = c.id AND seq ${desc ? '<' : '>'} $2
                                ORDER BY seq ${desc ? 'DESC' : 'ASC'} LIMIT $3) AS p ON true
             WHERE c.id = $1`,
      values: [conversationId, from, q.limit + 1],
    });
    if (rows.length === 0 || !canSee(meta, rows[0].owner_id)) return null;
    // No message on the page: the conversation's row alone, with nulls for the message.
    const page = rows.filter((r): r is typeof r & MessageRow => r.doc !== null && r.doc !== undefined);
    return this.paging.page(
      page,
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
