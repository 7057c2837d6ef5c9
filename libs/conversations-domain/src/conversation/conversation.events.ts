import { conversationEventContractMap, type ContractEvent, type messageEventSchema } from '@platform/contracts';
import type { z } from 'zod';

// The events are the published contract's (libs/contracts): decide and evolve are checked against what other
// services (analytics) read, and only a new schema version there changes their shape.
type Contracts = typeof conversationEventContractMap;

export type MessageRecord = z.output<typeof messageEventSchema>;

export type ConversationStarted = ContractEvent<Contracts, 'ConversationStarted'>;
export type MessageAppended = ContractEvent<Contracts, 'MessageAppended'>;
export type ContextCompressed = ContractEvent<Contracts, 'ContextCompressed'>;
export type ContextVariablesSet = ContractEvent<Contracts, 'ContextVariablesSet'>;
export type MessageRated = ContractEvent<Contracts, 'MessageRated'>;
export type ConversationEnded = ContractEvent<Contracts, 'ConversationEnded'>;

export type ConversationEvent = ContractEvent<Contracts>;
export type ConversationEventType = ConversationEvent['type'];

export const CONVERSATION_EVENT_TYPES: readonly ConversationEventType[] = Object.freeze(
  Object.keys(conversationEventContractMap) as ConversationEventType[],
);
