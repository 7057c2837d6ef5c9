"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.assistantsEventContracts = void 0;
const event_contracts_1 = require("../../common/event-contracts");
const assistant_events_1 = require("./assistant.events");
const prompt_events_1 = require("./prompt.events");
/**
 * Every event the assistants service emits (its Assistant and Prompt streams), with the upcasters that bring
 * older stored or published versions up to the current ones. The service hands `upcasters` and
 * `currentSchemaVersions` to its event store; consumers in other services read its bus events through it.
 */
exports.assistantsEventContracts = (0, event_contracts_1.defineEventContracts)({ ...assistant_events_1.assistantEventContractMap, ...prompt_events_1.promptEventContractMap }, assistant_events_1.assistantEventUpcasters);
//# sourceMappingURL=assistants-event-contracts.js.map