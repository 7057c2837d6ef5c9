"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.PromptOperations = void 0;
const zod_1 = require("zod");
const operation_1 = require("../common/operation");
const prompt_patterns_1 = require("./prompt.patterns");
const prompt_schemas_1 = require("./prompt.schemas");
const id = (0, operation_1.idParams)('id');
const link = (0, operation_1.idParams)('id', 'promptId');
/** Every request/reply operation on prompts, links and system prompts. */
exports.PromptOperations = {
    create: (0, operation_1.defineOperation)({ pattern: prompt_patterns_1.PromptPatterns.create, body: prompt_schemas_1.createPromptSchema }),
    get: (0, operation_1.defineOperation)({ pattern: prompt_patterns_1.PromptPatterns.get, params: id, query: prompt_schemas_1.getPromptQuerySchema }),
    revise: (0, operation_1.defineOperation)({ pattern: prompt_patterns_1.PromptPatterns.revise, params: id, body: prompt_schemas_1.revisePromptSchema }),
    list: (0, operation_1.defineOperation)({ pattern: prompt_patterns_1.PromptPatterns.list, query: prompt_schemas_1.listPromptsQuerySchema }),
    versions: (0, operation_1.defineOperation)({ pattern: prompt_patterns_1.PromptPatterns.versions, params: id, query: prompt_schemas_1.promptVersionsQuerySchema }),
    moveLabel: (0, operation_1.defineOperation)({ pattern: prompt_patterns_1.PromptPatterns.moveLabel, params: id, body: prompt_schemas_1.movePromptLabelSchema }),
    removeLabel: (0, operation_1.defineOperation)({
        pattern: prompt_patterns_1.PromptPatterns.removeLabel,
        params: zod_1.z.object({ id: (0, operation_1.idParams)('id').shape.id, label: zod_1.z.string().min(1).max(63) }),
    }),
    link: (0, operation_1.defineOperation)({ pattern: prompt_patterns_1.PromptPatterns.link, params: id, body: prompt_schemas_1.linkPromptSchema }),
    updateLink: (0, operation_1.defineOperation)({ pattern: prompt_patterns_1.PromptPatterns.updateLink, params: link, body: prompt_schemas_1.updatePromptLinkSchema }),
    unlink: (0, operation_1.defineOperation)({ pattern: prompt_patterns_1.PromptPatterns.unlink, params: link }),
    links: (0, operation_1.defineOperation)({ pattern: prompt_patterns_1.PromptPatterns.links, params: id }),
    suggestions: (0, operation_1.defineOperation)({ pattern: prompt_patterns_1.PromptPatterns.suggestions, params: id, query: prompt_schemas_1.suggestionsQuerySchema }),
    linkedAssistants: (0, operation_1.defineOperation)({ pattern: prompt_patterns_1.PromptPatterns.linkedAssistants, params: (0, operation_1.idParams)('promptId') }),
    systemPrompt: (0, operation_1.defineOperation)({
        pattern: prompt_patterns_1.PromptPatterns.systemPrompt,
        params: id,
        body: prompt_schemas_1.systemPromptRequestSchema.default({ variables: {} }),
    }),
};
//# sourceMappingURL=prompt.operations.js.map