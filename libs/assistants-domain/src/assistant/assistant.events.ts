import {
  assistantEventContractMap,
  type assistantProfileEventSchema,
  type ContractEvent,
  type promptLinkEventSchema,
} from '@platform/contracts';
import type { z } from 'zod';

// The events are the published contract's (libs/contracts): decide and evolve are checked against what other
// services read, and only a new schema version there changes their shape.
type Contracts = typeof assistantEventContractMap;

export type AssistantProfile = z.output<typeof assistantProfileEventSchema>;

/** A prompt linked to an assistant: pinned to a version, or following a label (default `latest`). */
export type PromptLink = z.output<typeof promptLinkEventSchema>;

export type AssistantCreated = ContractEvent<Contracts, 'AssistantCreated'>;
export type AssistantCloned = ContractEvent<Contracts, 'AssistantCloned'>;
/** Only the fields that changed; persona and configuration carry just the keys that changed. */
export type AssistantUpdated = ContractEvent<Contracts, 'AssistantUpdated'>;
export type AssistantActivated = ContractEvent<Contracts, 'AssistantActivated'>;
export type AssistantDeactivated = ContractEvent<Contracts, 'AssistantDeactivated'>;
export type AssistantArchived = ContractEvent<Contracts, 'AssistantArchived'>;
export type AssistantUsageRecorded = ContractEvent<Contracts, 'AssistantUsageRecorded'>;
export type AssistantPromptLinked = ContractEvent<Contracts, 'AssistantPromptLinked'>;
/** Carries the link as it is after the change, so history shows the whole link. */
export type AssistantPromptLinkUpdated = ContractEvent<Contracts, 'AssistantPromptLinkUpdated'>;
export type AssistantPromptUnlinked = ContractEvent<Contracts, 'AssistantPromptUnlinked'>;

export type AssistantEvent = ContractEvent<Contracts>;

export type AssistantEventType = AssistantEvent['type'];

export const ASSISTANT_EVENT_TYPES: readonly AssistantEventType[] = Object.freeze(
  Object.keys(assistantEventContractMap) as AssistantEventType[],
);
