import {
  foldPrompt,
  PROMPT_EVENT_TYPES,
  type Prompt,
  type PromptEvent,
  type PromptState,
} from '@platform/assistants-domain';
import type { InlineProjection, SqlExecutor, StoredEvent } from '@platform/event-store';

const VERSION_EVENTS = new Set(['PromptCreated', 'PromptRevised']);

/**
 * Prompt read model, inside the append transaction: the folded prompt as `doc`, plus one row per immutable
 * version (written once, when the version is born, never updated).
 */
export const promptViewProjection: InlineProjection = {
  name: 'prompt-view',
  handles: PROMPT_EVENT_TYPES,
  async apply(events: StoredEvent[], sql: SqlExecutor) {
    const byStream = new Map<string, StoredEvent[]>();
    for (const e of events) byStream.set(e.streamId, [...(byStream.get(e.streamId) ?? []), e]);
    for (const [streamId, streamEvents] of byStream) {
      const id = streamId.slice('prompt-'.length);
      const { rows } = await sql.query<{ doc: Prompt }>(
        'SELECT doc FROM assistants.prompt_view WHERE id = $1 FOR UPDATE',
        [id],
      );
      let state: PromptState = rows[0] ? { kind: 'existing', prompt: rows[0].doc } : { kind: 'none' };
      for (const event of streamEvents) {
        state = foldPrompt([event as unknown as PromptEvent], state);
        if (state.kind === 'existing' && VERSION_EVENTS.has(event.type)) {
          await insertVersion(sql, state.prompt, event.metadata.actorId, event.metadata.occurredAt);
        }
      }
      if (state.kind === 'existing') await upsert(sql, state.prompt);
    }
  },
};

async function insertVersion(sql: SqlExecutor, p: Prompt, actorId: string, at: string): Promise<void> {
  await sql.query(
    `INSERT INTO assistants.prompt_versions (prompt_id, version, name, description, tags, template, variables, created_at, actor_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [p.id, p.latestVersion, p.name, p.description, p.tags, p.template, JSON.stringify(p.variables), at, actorId],
  );
}

async function upsert(sql: SqlExecutor, p: Prompt): Promise<void> {
  await sql.query(
    `INSERT INTO assistants.prompt_view (id, name, tags, latest_version, labels, created_at, updated_at, doc, search)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8,
       setweight(to_tsvector('simple', $2), 'A') ||
       setweight(to_tsvector('simple', array_to_string($3::text[], ' ')), 'B') ||
       setweight(to_tsvector('simple', $9), 'C') ||
       setweight(to_tsvector('simple', $10), 'D'))
     ON CONFLICT (id) DO UPDATE SET
       name = EXCLUDED.name, tags = EXCLUDED.tags, latest_version = EXCLUDED.latest_version, labels = EXCLUDED.labels,
       updated_at = EXCLUDED.updated_at, doc = EXCLUDED.doc, search = EXCLUDED.search`,
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
    ],
  );
}
