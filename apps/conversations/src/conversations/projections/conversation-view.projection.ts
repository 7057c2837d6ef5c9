import type { Conversation, MessageRecord } from '@platform/conversations-domain';
import type { SqlExecutor, StoredEvent } from '@platform/event-store';

// One statement for what nearly every append writes: the conversation's row, the new message rows (a rebuild
// replays what is there already: such a row stays as it is) and the tool call ids they make. The conversation's
// document holds figures, not the window, so the row is the same size whatever the conversation's length.
const WRITE_VIEW = `
  WITH messages AS (
    INSERT INTO message_view (conversation_id, seq, id, role, doc)
    SELECT $1, (m->>'seq')::int, (m->>'id')::uuid, m->>'role', m FROM jsonb_array_elements($10::jsonb) AS m
    ON CONFLICT DO NOTHING
  ), calls AS (
    INSERT INTO tool_call_view (conversation_id, tool_call_id) SELECT $1, unnest($11::text[])
    ON CONFLICT DO NOTHING
  )
  INSERT INTO conversation_view (id, assistant_id, user_id, owner_id, status, started_at, last_activity_at, doc, revision)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
  ON CONFLICT (id) DO UPDATE SET status = EXCLUDED.status, last_activity_at = EXCLUDED.last_activity_at,
    doc = EXCLUDED.doc, revision = EXCLUDED.revision`;

/**
 * The conversation read model, written inside the append transaction (read-your-writes): the folded Conversation
 * as `doc` with the columns lists filter on, and the message history from the events of this append. The window
 * is the history's messages not folded into the summary (`compressed: false`).
 */
export async function writeConversationView(
  sql: SqlExecutor,
  c: Conversation,
  revision: number,
  events: readonly StoredEvent[],
): Promise<void> {
  const messages = events.flatMap((e) =>
    e.type === 'MessageAppended' ? [(e.data as { message: MessageRecord }).message] : [],
  );
  const calls = messages.flatMap((m) => (m.toolCalls ?? []).map((t) => t.id));
  await sql.query({
    name: 'conversations.write-view',
    text: WRITE_VIEW,
    values: [
      c.id,
      c.assistantId,
      c.userId,
      c.ownerId,
      c.status,
      c.startedAt,
      c.lastActivityAt,
      JSON.stringify(c),
      revision,
      JSON.stringify(messages),
      calls,
    ],
  });
  // After the message rows: a fold may take the message this append added.
  for (const e of events) await writeHistory(sql, c.id, e);
}

async function writeHistory(sql: SqlExecutor, conversationId: string, e: StoredEvent): Promise<void> {
  switch (e.type) {
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
