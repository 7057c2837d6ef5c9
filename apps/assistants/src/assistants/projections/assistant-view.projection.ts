import type { Assistant } from '@platform/assistants-domain';
import type { SqlExecutor, StoredEvent } from '@platform/event-store';

const LINK_EVENTS = new Set(['AssistantPromptLinked', 'AssistantPromptLinkUpdated', 'AssistantPromptUnlinked']);

/**
 * The assistant read model, written inside the append transaction (read-your-writes): the folded Assistant as
 * `doc` with the columns lists and search filter on, and the reverse index prompt → assistants when links change.
 */
export async function writeAssistantView(
  sql: SqlExecutor,
  a: Assistant,
  revision: number,
  events: readonly StoredEvent[],
): Promise<void> {
  await upsert(sql, a, revision);
  if (events.some((e) => LINK_EVENTS.has(e.type))) await syncLinks(sql, a);
}

/** The reverse index prompt → assistants, for "which assistants use this prompt" and for suggestions. */
async function syncLinks(sql: SqlExecutor, a: Assistant): Promise<void> {
  await sql.query('DELETE FROM assistant_prompt_links WHERE assistant_id = $1', [a.id]);
  if (a.promptLinks.length === 0) return;
  await sql.query(
    `INSERT INTO assistant_prompt_links (assistant_id, prompt_id, role, priority, pin)
     SELECT $1, x.prompt_id, x.role, x.priority, x.pin
     FROM jsonb_to_recordset($2::jsonb) AS x(prompt_id uuid, role text, priority int, pin jsonb)`,
    [
      a.id,
      JSON.stringify(
        a.promptLinks.map((l) => ({ prompt_id: l.promptId, role: l.role, priority: l.priority, pin: l.pin })),
      ),
    ],
  );
}

async function upsert(sql: SqlExecutor, a: Assistant, revision: number): Promise<void> {
  const domains = (a.persona.knowledgeDomains ?? []).flatMap((d) => [d.name, ...d.topics, ...d.keywords]).join(' ');
  await sql.query({
    name: 'assistant-view-upsert',
    text: `INSERT INTO assistant_view
       (id, slug, name, status, type, tags, owner_id, parent_id, version, created_at, updated_at,
        conversations, messages, tokens, doc, search, revision)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15,
        setweight(to_tsvector('simple', $3), 'A') ||
        setweight(to_tsvector('simple', replace($2, '-', ' ')), 'A') ||
        setweight(to_tsvector('simple', array_to_string($6::text[], ' ')), 'B') ||
        setweight(to_tsvector('simple', $16 || ' ' || $17), 'B') ||
        setweight(to_tsvector('simple', $18), 'C'), $19)
     ON CONFLICT (id) DO UPDATE SET
       slug = EXCLUDED.slug, name = EXCLUDED.name, status = EXCLUDED.status, type = EXCLUDED.type,
       tags = EXCLUDED.tags, version = EXCLUDED.version, updated_at = EXCLUDED.updated_at,
       conversations = EXCLUDED.conversations, messages = EXCLUDED.messages, tokens = EXCLUDED.tokens,
       doc = EXCLUDED.doc, search = EXCLUDED.search, revision = EXCLUDED.revision`,
    values: [
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
      revision,
    ],
  });
}
