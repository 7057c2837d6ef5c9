import type { Conversation, MessageRecord } from '@platform/conversations-domain';
import type { SqlExecutor, StoredEvent } from '@platform/event-store';

/**
 * The conversation read model, written inside the append transaction (read-your-writes): the folded Conversation
 * as `doc` with the columns lists filter on, and the message history from the events of this append.
 */
export async function writeConversationView(
  sql: SqlExecutor,
  c: Conversation,
  revision: number,
  events: readonly StoredEvent[],
): Promise<void> {
  await sql.query(
    `INSERT INTO conversation_view (id, assistant_id, user_id, owner_id, status, started_at, last_activity_at, doc, revision)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
     ON CONFLICT (id) DO UPDATE SET status = EXCLUDED.status, last_activity_at = EXCLUDED.last_activity_at,
       doc = EXCLUDED.doc, revision = EXCLUDED.revision`,
    [c.id, c.assistantId, c.userId, c.ownerId, c.status, c.startedAt, c.lastActivityAt, JSON.stringify(c), revision],
  );
  for (const e of events) await writeHistory(sql, c.id, e);
}

async function writeHistory(sql: SqlExecutor, conversationId: string, e: StoredEvent): Promise<void> {
  switch (e.type) {
    case 'MessageAppended': {
      const m = (e.data as { message: MessageRecord }).message;
      // A rebuild replays what is there already: the row stays as it is.
      await sql.query(
        `INSERT INTO message_view (conversation_id, seq, id, role, doc) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT DO NOTHING`,
        [conversationId, m.seq, m.id, m.role, JSON.stringify(m)],
      );
      return;
    }
    case 'ContextCompressed': {
      const { foldedMessageIds } = e.data as { foldedMessageIds: string[] };
      await sql.query('UPDATE message_view SET compressed = true WHERE conversation_id = $1 AND id = ANY($2::uuid[])', [
        conversationId,
        foldedMessageIds,
      ]);
      return;
    }
    case 'MessageRated': {
      const d = e.data as { messageId: string; rating: number; comment: string | null; at: string };
      await sql.query('UPDATE message_view SET feedback = $3 WHERE conversation_id = $1 AND id = $2', [
        conversationId,
        d.messageId,
        JSON.stringify({ rating: d.rating, comment: d.comment, ratedAt: d.at }),
      ]);
      return;
    }
    default:
      return;
  }
}
