import { assistantsEventContracts } from '@platform/contracts';
import type { SqlExecutor, Upcaster } from '@platform/event-store';
import { assistantViewMigrations, ASSISTANTS_SCHEMA } from './assistants/projections/assistant-view.migrations';
import { assistantViewProjection } from './assistants/projections/assistant-view.projection';
import { promptViewMigrations } from './prompts/projections/prompt-view.migrations';
import { promptViewProjection } from './prompts/projections/prompt-view.projection';
import { idempotencyMigration } from './shared/idempotency';

// Everything the assistants service keeps in its own schema beside the event store, in one place: the service
// module wires it, and the projection rebuild tool replays events through the same projections.
export const schema = ASSISTANTS_SCHEMA;
export const inlineProjections = [assistantViewProjection, promptViewProjection];
export const migrations = [...assistantViewMigrations, idempotencyMigration, ...promptViewMigrations];
// Every reader of this schema's events (the service, the rebuild tool) reads old versions as the current ones.
export const upcasters: Upcaster[] = [...assistantsEventContracts.upcasters];
export const currentSchemaVersions: Record<string, number> = { ...assistantsEventContracts.currentSchemaVersions };

export async function resetReadModels(sql: SqlExecutor): Promise<void> {
  await sql.query(
    `TRUNCATE ${schema}.assistant_view, ${schema}.assistant_prompt_links, ${schema}.prompt_view, ${schema}.prompt_versions`,
  );
}
