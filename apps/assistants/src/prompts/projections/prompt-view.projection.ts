import type { Prompt, PromptContent } from '@platform/assistants-domain';
import type { SqlExecutor, StoredEvent } from '@platform/event-store';

const VERSION_EVENTS = new Set(['PromptCreated', 'PromptRevised']);

/**
 * Prompt read model, inside the append transaction: the folded prompt as `doc`, plus one row per immutable
 * version, written once from the event that made it (which carries the whole content) and never updated.
 */
export async function writePromptView(
  sql: SqlExecutor,
  p: Prompt,
  revision: number,
  events: readonly StoredEvent[],
): Promise<void> {
  for (const event of events) {
    if (VERSION_EVENTS.has(event.type)) {
      await insertVersion(sql, p.id, event as StoredEvent<string, PromptContent & { version: number }>);
    }
  }
  await upsert(sql, p, revision);
  await syncTerms(sql, p.id);
}

/** The prompt's words, from the search vector just written: added and removed in one statement. */
async function syncTerms(sql: SqlExecutor, promptId: string): Promise<void> {
  await sql.query(
    `WITH words AS (SELECT DISTINCT t.lexeme FROM prompt_view p, unnest(p.search) AS t WHERE p.id = $1),
          gone AS (DELETE FROM prompt_terms WHERE prompt_id = $1 AND term NOT IN (SELECT lexeme FROM words))
     INSERT INTO prompt_terms (term, prompt_id) SELECT lexeme, $1 FROM words ON CONFLICT DO NOTHING`,
    [promptId],
  );
}

async function insertVersion(
  sql: SqlExecutor,
  promptId: string,
  { data: v, metadata }: StoredEvent<string, PromptContent & { version: number }>,
): Promise<void> {
  await sql.query(
    `INSERT INTO prompt_versions (prompt_id, version, name, description, tags, template, variables, created_at, actor_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [
      promptId,
      v.version,
      v.name,
      v.description,
      v.tags,
      v.template,
      JSON.stringify(v.variables),
      metadata.occurredAt,
      metadata.actorId,
    ],
  );
}

async function upsert(sql: SqlExecutor, p: Prompt, revision: number): Promise<void> {
  await sql.query(
    `INSERT INTO prompt_view (id, name, tags, latest_version, labels, created_at, updated_at, doc, search, revision, owner_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8,
       setweight(to_tsvector('simple', $2), 'A') ||
       setweight(to_tsvector('simple', array_to_string($3::text[], ' ')), 'B') ||
       setweight(to_tsvector('simple', $9), 'C') ||
       setweight(to_tsvector('simple', $10), 'D'), $11, $12)
     ON CONFLICT (id) DO UPDATE SET
       name = EXCLUDED.name, tags = EXCLUDED.tags, latest_version = EXCLUDED.latest_version, labels = EXCLUDED.labels,
       updated_at = EXCLUDED.updated_at, doc = EXCLUDED.doc, search = EXCLUDED.search, revision = EXCLUDED.revision`,
    [
      p.id,
      p.name,
      p.tags,
      p.latestVersion,
      JSON.stringify(p.labels),
      p.createdAt,
      p.updatedAt,
      JSON.stringify(p),
      p.description ?? '',
      p.template.replace(/[{}#/]+/g, ' '),
      revision,
      p.ownerId ?? null,
    ],
  );
}
