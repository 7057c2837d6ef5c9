import { defineEventContracts, type ContractEvent, type EventTypeOf } from '../../common/event-contracts';
import { assistantEventContractMap, assistantEventUpcasters } from './assistant.events';
import { promptEventContractMap, promptEventUpcasters } from './prompt.events';

/**
 * Every event the assistants service emits (its Assistant and Prompt streams), with the upcasters that bring
 * older stored or published versions up to the current ones. The service hands `upcasters` and
 * `currentSchemaVersions` to its event store; consumers in other services read its bus events through it.
 */
export const assistantsEventContracts = defineEventContracts(
  { ...assistantEventContractMap, ...promptEventContractMap },
  [...assistantEventUpcasters, ...promptEventUpcasters],
);

export type AssistantsEventType = EventTypeOf<typeof assistantsEventContracts.events>;
export type AssistantsEvent = ContractEvent<typeof assistantsEventContracts.events>;
