export declare const AssistantPatterns: {
    readonly create: "assistants.create";
    readonly get: "assistants.get";
    readonly update: "assistants.update";
    readonly archive: "assistants.archive";
    readonly clone: "assistants.clone";
    readonly recordUsage: "assistants.record-usage";
    readonly list: "assistants.list";
    readonly search: "assistants.search";
    readonly popular: "assistants.popular";
    readonly history: "assistants.history";
    readonly types: "assistants.catalog.types";
    readonly statuses: "assistants.catalog.statuses";
};
export declare const ASSISTANT_STREAM_CATEGORY = "assistant";
