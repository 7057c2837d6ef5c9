import { AccessOperations } from '../access/access.operations';
import { API_KEY_STREAM_CATEGORY } from '../access/access.patterns';
import { accessEventContracts } from '../access/events/access-event-contracts';
import { apiKeyEventContractMap } from '../access/events/api-key.events';
import { AnalyticsOperations } from '../analytics/analytics.operations';
import { ALERT_STREAM_CATEGORY } from '../analytics/analytics.patterns';
import { alertEventContractMap } from '../analytics/events/alert.events';
import { analyticsEventContracts } from '../analytics/events/analytics-event-contracts';
import { AssistantOperations } from '../assistants/assistant.operations';
import { ASSISTANT_STREAM_CATEGORY } from '../assistants/assistant.patterns';
import { assistantEventContractMap } from '../assistants/events/assistant.events';
import { assistantsEventContracts } from '../assistants/events/assistants-event-contracts';
import { promptEventContractMap } from '../assistants/events/prompt.events';
import { ConversationOperations } from '../conversations/conversation.operations';
import { CONVERSATION_STREAM_CATEGORY } from '../conversations/conversation.patterns';
import { conversationEventContractMap } from '../conversations/events/conversation.events';
import { conversationsEventContracts } from '../conversations/events/conversations-event-contracts';
import type { EventContract, EventContractMap } from '../common/event-contracts';
import { DeploymentOperations } from '../deployments/deployment.operations';
import { DEPLOYMENT_STREAM_CATEGORY } from '../deployments/deployment.patterns';
import { deploymentEventContractMap } from '../deployments/events/deployment.events';
import { deploymentsEventContracts } from '../deployments/events/deployments-event-contracts';
import type { OperationContract } from '../common/operation';
import { PROMPT_STREAM_CATEGORY } from '../prompts/prompt.patterns';
import { PromptOperations } from '../prompts/prompt.operations';
import { healthOperation, PLATFORM_SERVICES } from '../registry/services';

// What the bus offers to callers outside this code base. A new context adds its operations, its event registry
// and the stream category of its aggregates here; the AsyncAPI unit test fails for an operation or event type
// that is missing.

const CONTEXT_OPERATIONS: readonly Record<string, OperationContract>[] = [
  AssistantOperations,
  PromptOperations,
  AccessOperations,
  ConversationOperations,
  DeploymentOperations,
  AnalyticsOperations,
];

const EVENT_REGISTRIES: readonly { types: readonly string[]; events: EventContractMap }[] = [
  assistantsEventContracts,
  accessEventContracts,
  conversationsEventContracts,
  deploymentsEventContracts,
  analyticsEventContracts,
];

/** The category of the aggregate streams whose events each map holds (the first token of their subjects). */
const EVENT_CATEGORIES: readonly (readonly [category: string, events: EventContractMap])[] = [
  [ASSISTANT_STREAM_CATEGORY, assistantEventContractMap],
  [PROMPT_STREAM_CATEGORY, promptEventContractMap],
  [API_KEY_STREAM_CATEGORY, apiKeyEventContractMap],
  [CONVERSATION_STREAM_CATEGORY, conversationEventContractMap],
  [DEPLOYMENT_STREAM_CATEGORY, deploymentEventContractMap],
  [ALERT_STREAM_CATEGORY, alertEventContractMap],
];

export interface BusOperation {
  operation: OperationContract;
  summary?: string;
}

export interface PublishedEvent {
  type: string;
  category: string;
  /** The current version: what producers write today. */
  contract: EventContract;
}

/** Every request/reply operation: the contexts' operations, then the health operation of every service. */
export function busOperations(): BusOperation[] {
  const operations: BusOperation[] = [
    ...CONTEXT_OPERATIONS.flatMap((ops) => Object.values(ops).map((operation) => ({ operation }))),
    ...PLATFORM_SERVICES.map(({ name }) => ({ operation: healthOperation(name), summary: `Health of ${name}` })),
  ];
  const patterns = operations.map(({ operation }) => operation.pattern);
  const repeated = patterns.find((p, i) => patterns.indexOf(p) !== i);
  if (repeated) throw new Error(`Two operations have the pattern ${repeated}`);
  return operations;
}

/** Every event type the services publish, at its current version. */
export function publishedEvents(): PublishedEvent[] {
  return EVENT_REGISTRIES.flatMap((registry) =>
    registry.types.map((type) => {
      const category = EVENT_CATEGORIES.find(([, events]) => Object.hasOwn(events, type))?.[0];
      if (!category) throw new Error(`${type} has no stream category: add its contract map to EVENT_CATEGORIES`);
      return { type, category, contract: registry.events[type] };
    }),
  );
}
