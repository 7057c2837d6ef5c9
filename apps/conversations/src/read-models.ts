import { conversationsEventContracts } from '@platform/contracts';
import type { SqlExecutor, Upcaster } from '@platform/event-store';
import { aggregateView, serviceSchema } from '@platform/service-kit';
import { conversationAggregate } from './conversations/conversation.aggregate';
import { conversationViewMigrations } from './conversations/projections/conversation-view.migrations';

// Everything the conversations service keeps in its own schema beside the event store, in one place: the service
// module wires it, and the projection rebuild tool replays events through the same projections.
export const schema = serviceSchema('conversations');
export const inlineProjections = [aggregateView(conversationAggregate)];
export const migrations = [...conversationViewMigrations];
export const upcasters: Upcaster[] = [...conversationsEventContracts.upcasters];
export const currentSchemaVersions: Record<string, number> = { ...conversationsEventContracts.currentSchemaVersions };

export async function resetReadModels(sql: SqlExecutor): Promise<void> {
  await sql.query('TRUNCATE conversation_view, message_view, tool_call_view');
}
