import { apiKeyEventContractMap, type ContractEvent } from '@platform/contracts';

// The events are the published contract's (libs/contracts): other services and the audit trail read them.
type Contracts = typeof apiKeyEventContractMap;

export type ApiKeyCreated = ContractEvent<Contracts, 'ApiKeyCreated'>;
export type ApiKeyRevoked = ContractEvent<Contracts, 'ApiKeyRevoked'>;
export type ApiKeyEvent = ContractEvent<Contracts>;
export type ApiKeyEventType = ApiKeyEvent['type'];

export const API_KEY_EVENT_TYPES: readonly ApiKeyEventType[] = Object.freeze(
  Object.keys(apiKeyEventContractMap) as ApiKeyEventType[],
);
