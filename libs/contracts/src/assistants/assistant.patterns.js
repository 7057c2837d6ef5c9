"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ASSISTANT_STREAM_CATEGORY = exports.AssistantPatterns = void 0;
// Request/reply subjects of the assistants service (prefixed on the wire by the messaging lib).
exports.AssistantPatterns = {
    create: 'assistants.create',
    get: 'assistants.get',
    update: 'assistants.update',
    archive: 'assistants.archive',
    clone: 'assistants.clone',
    recordUsage: 'assistants.record-usage',
    list: 'assistants.list',
    search: 'assistants.search',
    popular: 'assistants.popular',
    history: 'assistants.history',
    types: 'assistants.catalog.types',
    statuses: 'assistants.catalog.statuses',
};
exports.ASSISTANT_STREAM_CATEGORY = 'assistant';
//# sourceMappingURL=assistant.patterns.js.map