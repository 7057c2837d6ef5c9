import { promptEventContractMap, type ContractEvent, type promptContentEventSchema } from '@platform/contracts';
import type { z } from 'zod';

// The events are the published contract's (libs/contracts), as for the assistant events.
type Contracts = typeof promptEventContractMap;

/** What one immutable version holds: the whole prompt content at that version. */
export type PromptContent = z.output<typeof promptContentEventSchema>;

export type PromptCreated = ContractEvent<Contracts, 'PromptCreated'>;
export type PromptRevised = ContractEvent<Contracts, 'PromptRevised'>;
export type PromptLabelMoved = ContractEvent<Contracts, 'PromptLabelMoved'>;
export type PromptLabelRemoved = ContractEvent<Contracts, 'PromptLabelRemoved'>;

export type PromptEvent = ContractEvent<Contracts>;

export type PromptEventType = PromptEvent['type'];

export const PROMPT_EVENT_TYPES: readonly PromptEventType[] = Object.freeze(
  Object.keys(promptEventContractMap) as PromptEventType[],
);
