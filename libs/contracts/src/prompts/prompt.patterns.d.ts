export declare const PromptPatterns: {
    readonly create: "prompts.create";
    readonly get: "prompts.get";
    readonly revise: "prompts.revise";
    readonly list: "prompts.list";
    readonly versions: "prompts.versions";
    readonly moveLabel: "prompts.labels.move";
    readonly removeLabel: "prompts.labels.remove";
    readonly link: "assistants.prompts.link";
    readonly updateLink: "assistants.prompts.update-link";
    readonly unlink: "assistants.prompts.unlink";
    readonly links: "assistants.prompts.list";
    readonly suggestions: "assistants.prompts.suggestions";
    readonly linkedAssistants: "assistants.prompts.linked-assistants";
    readonly systemPrompt: "assistants.system-prompt";
};
export declare const PROMPT_STREAM_CATEGORY = "prompt";
