import {
  assistantCatalogHandles,
  assistantCatalogKeyOf,
  conversationActivityHandles,
  conversationActivityKeyOf,
  conversationLifecycleHandles,
  conversationLifecycleKeyOf,
  deploymentActivityHandles,
  deploymentActivityKeyOf,
  evolveAssistantCatalog,
  evolveConversationLifecycle,
  evolveDeploymentActivity,
  evolveUsageActivity,
  foldConversationActivity,
  usageActivityHandles,
  usageActivityKeyOf,
  type DeploymentEvent,
  type HourlyActivity,
} from '@platform/analytics-domain';
import {
  ASSISTANT_STREAM_CATEGORY,
  assistantsEventContracts,
  CONVERSATION_STREAM_CATEGORY,
  conversationsEventContracts,
  DEPLOYMENT_STREAM_CATEGORY,
  deploymentsEventContracts,
  type AssistantsEvent,
  type ConversationsEvent,
} from '@platform/contracts';
import { parseBusEvent, UnknownEventTypeError, type BusEvent } from '@platform/messaging';
import type { TableKind } from './tables';

/** One row an event changes: which table, which key, and how the row's doc evolves. */
export interface Effect {
  table: TableKind;
  /** The row's key values, in the order of the table's WHERE clause. */
  key: readonly string[];
  /**
   * The row's doc after the event, from the doc before (null for none). It may change that doc in place: callers
   * hand it docs of their own (rows just read, or made by an earlier effect), never one shared with anyone else.
   */
  evolve(doc: unknown): unknown;
}

const categoryOf = (streamId: string) => streamId.slice(0, Math.max(0, streamId.indexOf('-')));

const activity = (key: { assistantId: string; hour: string } | null, evolve: (doc: never) => unknown): Effect[] =>
  key ? [{ table: 'hourly', key: [key.assistantId, key.hour], evolve: evolve as Effect['evolve'] }] : [];

function assistantEffects(e: AssistantsEvent): Effect[] {
  const catalog = assistantCatalogKeyOf(e);
  return [
    ...(catalog
      ? [{ table: 'assistant' as const, key: [catalog], evolve: (d: unknown) => evolveAssistantCatalog(d as never, e) }]
      : []),
    ...activity(usageActivityKeyOf(e), (d) => evolveUsageActivity(d, e)),
  ];
}

function conversationEffects(e: ConversationsEvent): Effect[] {
  const lifecycle = conversationLifecycleKeyOf(e);
  return [
    ...(lifecycle
      ? [
          {
            table: 'conversation' as const,
            key: [lifecycle],
            evolve: (d: unknown) => evolveConversationLifecycle(d as never, e),
          },
        ]
      : []),
    // A message changes its hour's counters in place: nothing is allocated per message.
    ...activity(conversationActivityKeyOf(e), (d: HourlyActivity | null) => foldConversationActivity(d, e)),
  ];
}

/** The event types each category's projections read: the others change nothing and are not even parsed. */
const HANDLED = new Map<string, ReadonlySet<string>>([
  [ASSISTANT_STREAM_CATEGORY, new Set([...assistantCatalogHandles, ...usageActivityHandles])],
  [CONVERSATION_STREAM_CATEGORY, new Set([...conversationLifecycleHandles, ...conversationActivityHandles])],
  [DEPLOYMENT_STREAM_CATEGORY, new Set(deploymentActivityHandles)],
]);

/**
 * What one bus event changes in the analytics read models. Assistants', conversations' and deployments' events are read
 * with their producers' published contracts (upcast to the current version); types analytics does not count, and other
 * categories, change nothing (they are not parsed). An event of a type analytics counts and of a version newer than
 * these contracts throws (it is retried until the service runs the newer contracts) rather than being skipped.
 */
export function effectsOf(event: BusEvent): Effect[] {
  const category = categoryOf(event.streamId);
  if (!HANDLED.get(category)?.has(event.type)) return [];
  try {
    switch (category) {
      case ASSISTANT_STREAM_CATEGORY:
        return assistantEffects(parseBusEvent(assistantsEventContracts, event) as AssistantsEvent);
      case CONVERSATION_STREAM_CATEGORY:
        return conversationEffects(parseBusEvent(conversationsEventContracts, event) as ConversationsEvent);
      case DEPLOYMENT_STREAM_CATEGORY: {
        // The published contract's events carry more than analytics reads; its evolve functions take the subset.
        const deployment = parseBusEvent(deploymentsEventContracts, event) as DeploymentEvent;
        return activity(deploymentActivityKeyOf(deployment), (d) => evolveDeploymentActivity(d, deployment));
      }
      default:
        return [];
    }
  } catch (err) {
    if (err instanceof UnknownEventTypeError) return [];
    throw err;
  }
}
