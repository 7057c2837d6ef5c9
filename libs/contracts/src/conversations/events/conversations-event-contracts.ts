import { defineEventContracts, type ContractEvent, type EventTypeOf } from '../../common/event-contracts';
import { conversationEventContractMap } from './conversation.events';

/** Every event the conversations service emits, with the upcasters of older versions (none yet). */
export const conversationsEventContracts = defineEventContracts(conversationEventContractMap);

export type ConversationsEventType = EventTypeOf<typeof conversationsEventContracts.events>;
export type ConversationsEvent = ContractEvent<typeof conversationsEventContracts.events>;
