"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.AssistantOperations = void 0;
const operation_1 = require("../common/operation");
const assistant_patterns_1 = require("./assistant.patterns");
const assistant_schemas_1 = require("./assistant.schemas");
const id = (0, operation_1.idParams)('id');
/** Every request/reply operation on assistants: the bus pattern and the schemas of its input. */
exports.AssistantOperations = {
    create: (0, operation_1.defineOperation)({ pattern: assistant_patterns_1.AssistantPatterns.create, body: assistant_schemas_1.createAssistantSchema }),
    get: (0, operation_1.defineOperation)({ pattern: assistant_patterns_1.AssistantPatterns.get, params: id, query: assistant_schemas_1.getAssistantQuerySchema }),
    update: (0, operation_1.defineOperation)({ pattern: assistant_patterns_1.AssistantPatterns.update, params: id, body: assistant_schemas_1.updateAssistantSchema }),
    archive: (0, operation_1.defineOperation)({ pattern: assistant_patterns_1.AssistantPatterns.archive, params: id }),
    clone: (0, operation_1.defineOperation)({ pattern: assistant_patterns_1.AssistantPatterns.clone, params: id, body: assistant_schemas_1.cloneAssistantSchema.default({}) }),
    recordUsage: (0, operation_1.defineOperation)({ pattern: assistant_patterns_1.AssistantPatterns.recordUsage, params: id, body: assistant_schemas_1.recordUsageSchema }),
    list: (0, operation_1.defineOperation)({ pattern: assistant_patterns_1.AssistantPatterns.list, query: assistant_schemas_1.listAssistantsQuerySchema }),
    search: (0, operation_1.defineOperation)({ pattern: assistant_patterns_1.AssistantPatterns.search, query: assistant_schemas_1.searchAssistantsQuerySchema }),
    popular: (0, operation_1.defineOperation)({ pattern: assistant_patterns_1.AssistantPatterns.popular, query: assistant_schemas_1.popularAssistantsQuerySchema }),
    history: (0, operation_1.defineOperation)({ pattern: assistant_patterns_1.AssistantPatterns.history, params: id, query: assistant_schemas_1.historyQuerySchema }),
    types: (0, operation_1.defineOperation)({ pattern: assistant_patterns_1.AssistantPatterns.types }),
    statuses: (0, operation_1.defineOperation)({ pattern: assistant_patterns_1.AssistantPatterns.statuses }),
};
//# sourceMappingURL=assistant.operations.js.map