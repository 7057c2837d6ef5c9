import { fold, type Assistant, type AssistantEvent, ASSISTANT_EVENT_TYPES } from '@platform/assistants-domain';
import type { InlineProjection, SqlExecutor, StoredEvent } from '@platform/event-store';

/**
 * The assistant read model, updated inside the append transaction (read-your-writes).
 * Each row keeps the folded Assistant as `doc`, so command handlers load state from here instead of replaying.
 */
export const assistantViewProjection: InlineProjection = {
  name: 'assistant-view',
  handles: ASSISTANT_EVENT_TYPES,
  async apply(events: StoredEvent[], sql: SqlExecutor) {
    const byStream = new Map<string, StoredEvent[]>();
    for (const e of events) byStream.set(e.streamId, [...(byStream.get(e.streamId) ?? []), e]);
    for (const streamEvents of byStream.values()) {
      const id = (streamEvents[0].data as { assistantId: string }).assistantId;
      const { rows } = await sql.query<{ doc: Assistant }>(
        'SELECT doc FROM assistants.assistant_view WHERE id = $1 FOR UPDATE',
        [id],
      );
      const start = rows[0] ? { kind: 'existing' as const, assistant: rows[0].doc } : { kind: 'none' as const };
      const state = fold(streamEvents as unknown as AssistantEvent[], start);
      if (state.kind !== 'existing') continue;
      await upsert(sql, state.assistant);
      if (streamEvents.some((e) => LINK_EVENTS.has(e.type))) await syncLinks(sql, state.assistant);
    }
  },
};

const LINK_EVENTS = new Set(['AssistantPromptLinked', 'AssistantPromptLinkUpdated', 'AssistantPromptUnlinked']);

/** The reverse index prompt → assistants, for "which assistants use this prompt" and for suggestions. */
async function syncLinks(sql: SqlExecutor, a: Assistant): Promise<void> {
  await sql.query('DELETE FROM assistants.assistant_prompt_links WHERE assistant_id = $1', [a.id]);
  const links = a.promptLinks ?? [];
  if (links.length === 0) return;
  await sql.query(
    `INSERT INTO assistants.assistant_prompt_links (assistant_id, prompt_id, role, priority, pin)
     SELECT $1, x.prompt_id, x.role, x.priority, x.pin
     FROM jsonb_to_recordset($2::jsonb) AS x(prompt_id uuid, role text, priority int, pin jsonb)`,
    [
      a.id,
      JSON.stringify(links.map((l) => ({ prompt_id: l.promptId, role: l.role, priority: l.priority, pin: l.pin }))),
    ],
  );
}

async function upsert(sql: SqlExecutor, a: Assistant): Promise<void> {
  const domains = (a.persona.knowledgeDomains ?? []).flatMap((d) => [d.name, ...d.topics, ...d.keywords]).join(' ');
  await sql.query(
    `INSERT INTO assistants.assistant_view
       (id, slug, name, status, type, tags, owner_id, parent_id, version, created_at, updated_at,
        conversations, messages, tokens, doc, search)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15,
        setweight(to_tsvector('simple', $3), 'A') ||
        setweight(to_tsvector('simple', replace($2, '-', ' ')), 'A') ||
        setweight(to_tsvector('simple', array_to_string($6::text[], ' ')), 'B') ||
        setweight(to_tsvector('simple', $16 || ' ' || $17), 'B') ||
        setweight(to_tsvector('simple', $18), 'C'))
     ON CONFLICT (id) DO UPDATE SET
       slug = EXCLUDED.slug, name = EXCLUDED.name, status = EXCLUDED.status, type = EXCLUDED.type,
       tags = EXCLUDED.tags, version = EXCLUDED.version, updated_at = EXCLUDED.updated_at,
       conversations = EXCLUDED.conversations, messages = EXCLUDED.messages, tokens = EXCLUDED.tokens,
       doc = EXCLUDED.doc, search = EXCLUDED.search`,
    [
      a.id,
      a.slug,
      a.name,
      a.status,
      a.type,
      a.tags,
      a.ownerId,
      a.parentId,
      a.version,
      a.createdAt,
      a.updatedAt,
      a.usage.conversations,
      a.usage.messages,
      a.usage.tokens,
      JSON.stringify(a),
      a.specialty ?? '',
      domains,
      a.description ?? '',
    ],
  );
}
