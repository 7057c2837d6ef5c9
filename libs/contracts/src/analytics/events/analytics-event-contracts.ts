import { defineEventContracts, type ContractEvent, type EventTypeOf } from '../../common/event-contracts';
import { alertEventContractMap } from './alert.events';

/** Every event the analytics service emits: alerts opening and closing. */
export const analyticsEventContracts = defineEventContracts(alertEventContractMap);

export type AnalyticsEventType = EventTypeOf<typeof analyticsEventContracts.events>;
export type AnalyticsEvent = ContractEvent<typeof analyticsEventContracts.events>;
