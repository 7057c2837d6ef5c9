import { defineEventContracts, type ContractEvent, type EventTypeOf } from '../../common/event-contracts';
import { deploymentEventContractMap } from './deployment.events';

/** Every event the deployments service emits, with the upcasters of older versions (none yet). */
export const deploymentsEventContracts = defineEventContracts(deploymentEventContractMap);

export type DeploymentsEventType = EventTypeOf<typeof deploymentsEventContracts.events>;
export type DeploymentsEvent = ContractEvent<typeof deploymentsEventContracts.events>;
