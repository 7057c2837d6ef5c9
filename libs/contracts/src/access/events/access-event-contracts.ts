import { defineEventContracts, type ContractEvent, type EventTypeOf } from '../../common/event-contracts';
import { apiKeyEventContractMap } from './api-key.events';

/** Every event the access service emits (its ApiKey streams). */
export const accessEventContracts = defineEventContracts(apiKeyEventContractMap, []);

export type AccessEventType = EventTypeOf<typeof accessEventContracts.events>;
export type AccessEvent = ContractEvent<typeof accessEventContracts.events>;
