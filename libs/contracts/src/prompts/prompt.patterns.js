"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.PROMPT_STREAM_CATEGORY = exports.PromptPatterns = void 0;
// Request/reply subjects of prompts and assistant–prompt links (served by the assistants service).
exports.PromptPatterns = {
    create: 'prompts.create',
    get: 'prompts.get',
    revise: 'prompts.revise',
    list: 'prompts.list',
    versions: 'prompts.versions',
    moveLabel: 'prompts.labels.move',
    removeLabel: 'prompts.labels.remove',
    link: 'assistants.prompts.link',
    updateLink: 'assistants.prompts.update-link',
    unlink: 'assistants.prompts.unlink',
    links: 'assistants.prompts.list',
    suggestions: 'assistants.prompts.suggestions',
    linkedAssistants: 'assistants.prompts.linked-assistants',
    systemPrompt: 'assistants.system-prompt',
};
exports.PROMPT_STREAM_CATEGORY = 'prompt';
//# sourceMappingURL=prompt.patterns.js.map