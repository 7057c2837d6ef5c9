import {
  assistantCatalogKeyOf,
  conversationActivityKeyOf,
  conversationLifecycleKeyOf,
  deploymentActivityKeyOf,
  evolveAssistantCatalog,
  evolveConversationActivity,
  evolveConversationLifecycle,
  evolveDeploymentActivity,
  evolveUsageActivity,
  usageActivityKeyOf,
  type DeploymentEvent,
} from '@platform/analytics-domain';
import {
  ASSISTANT_STREAM_CATEGORY,
  assistantsEventContracts,
  CONVERSATION_STREAM_CATEGORY,
  conversationsEventContracts,
  type AssistantsEvent,
  type ConversationsEvent,
} from '@platform/contracts';
import { parseBusEvent, UnknownEventTypeError, type BusEvent } from '@platform/messaging';
import { z } from 'zod';
import type { TableKind } from './tables';

/** One row an event changes: which table, which key, and how the row's doc evolves. */
export interface Effect {
  table: TableKind;
  /** The row's key values, in the order of the table's WHERE clause. */
  key: readonly string[];
  evolve(doc: unknown): unknown;
}

// TODO(deployments merge): replace with the deployments context's published contracts (parseBusEvent with
// deploymentsEventContracts). Until then only the fields analytics reads are checked, and the rest is ignored.
export const DEPLOYMENT_STREAM_CATEGORY = 'deployment';
const at = z.iso.datetime({ offset: true });
const deploymentEventSchemas: Record<string, z.ZodType> = {
  DeploymentStarted: z.object({
    assistantId: z.string().min(1),
    kind: z.enum(['deploy', 'promotion', 'rollback']),
    at,
  }),
  DeploymentStatusChanged: z.object({ assistantId: z.string().min(1), to: z.string(), at }),
  DeploymentScaled: z.object({ assistantId: z.string().min(1), at }),
};

function parseDeploymentEvent(event: BusEvent): DeploymentEvent | null {
  const schema = deploymentEventSchemas[event.type];
  if (!schema) return null;
  const parsed = schema.safeParse(event.data);
  if (!parsed.success) throw new Error(`Event ${event.id} (${event.type}): ${parsed.error.message}`);
  // Only the fields read by the evolve functions were checked; they never read the others.
  return { type: event.type, data: event.data } as DeploymentEvent;
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
    ...activity(conversationActivityKeyOf(e), (d) => evolveConversationActivity(d, e)),
  ];
}

/**
 * What one bus event changes in the analytics read models. Assistants' and conversations' events are read with
 * their producers' published contracts (upcast to the current version); types analytics does not count, and other
 * categories, change nothing. An event of a version newer than these contracts throws (it is retried until the
 * service runs the newer contracts) rather than being skipped.
 */
export function effectsOf(event: BusEvent): Effect[] {
  try {
    switch (categoryOf(event.streamId)) {
      case ASSISTANT_STREAM_CATEGORY:
        return assistantEffects(parseBusEvent(assistantsEventContracts, event) as AssistantsEvent);
      case CONVERSATION_STREAM_CATEGORY:
        return conversationEffects(parseBusEvent(conversationsEventContracts, event) as ConversationsEvent);
      case DEPLOYMENT_STREAM_CATEGORY: {
        const deployment = parseDeploymentEvent(event);
        return deployment
          ? activity(deploymentActivityKeyOf(deployment), (d) => evolveDeploymentActivity(d, deployment))
          : [];
      }
      default:
        return [];
    }
  } catch (err) {
    if (err instanceof UnknownEventTypeError) return [];
    throw err;
  }
}
