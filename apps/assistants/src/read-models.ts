import { assistantsEventContracts } from '@platform/contracts';
import type { SqlExecutor, Upcaster } from '@platform/event-store';
import { aggregateView, serviceSchema } from '@platform/service-kit';
import { assistantAggregate } from './assistants/assistant.aggregate';
import { assistantViewMigrations } from './assistants/projections/assistant-view.migrations';
import { promptAggregate } from './prompts/prompt.aggregate';
import { promptViewMigrations } from './prompts/projections/prompt-view.migrations';

// Everything the assistants service keeps in its own schema beside the event store, in one place: the service
// module wires it, and the projection rebuild tool replays events through the same projections.
export const schema = serviceSchema('assistants');
export const inlineProjections = [aggregateView(assistantAggregate), aggregateView(promptAggregate)];
export const migrations = [...assistantViewMigrations, ...promptViewMigrations];
// Every reader of this schema's events (the service, the rebuild tool) reads old versions as the current ones.
export const upcasters: Upcaster[] = [...assistantsEventContracts.upcasters];
export const currentSchemaVersions: Record<string, number> = { ...assistantsEventContracts.currentSchemaVersions };

export async function resetReadModels(sql: SqlExecutor): Promise<void> {
  await sql.query('TRUNCATE assistant_view, assistant_prompt_links, prompt_view, prompt_versions, prompt_terms');
}
