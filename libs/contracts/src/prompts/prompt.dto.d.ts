import type { Condition, ContextValue, PromptLinkRole } from './prompt.schemas';
export interface PromptVariable {
    name: string;
    required: boolean;
    default?: ContextValue;
    description?: string;
}
/** One immutable version of a prompt, with the prompt's identity and its labels. */
export interface PromptDto {
    id: string;
    name: string;
    description: string | null;
    tags: string[];
    template: string;
    variables: PromptVariable[];
    version: number;
    latestVersion: number;
    labels: Record<string, number>;
    createdAt: string;
    updatedAt: string;
}
export interface PromptVersionDto {
    version: number;
    template: string;
    variables: PromptVariable[];
    labels: string[];
    createdAt: string;
    actorId: string;
}
export interface PromptLinkDto {
    promptId: string;
    promptName: string;
    role: PromptLinkRole;
    priority: number;
    conditions: Condition[];
    pin: {
        version: number;
    } | {
        label: string;
    };
    /** The version the pin resolves to now, or null when the followed label was removed. */
    resolvedVersion: number | null;
    linkedAt: string;
}
export interface PromptSuggestionDto {
    promptId: string;
    name: string;
    latestVersion: number;
    score: number;
    reasons: string[];
}
export interface LinkedAssistantDto {
    assistantId: string;
    name: string;
    status: string;
    role: PromptLinkRole;
    priority: number;
    pin: {
        version: number;
    } | {
        label: string;
    };
}
export interface SystemPromptPartDto {
    source: 'persona' | PromptLinkRole;
    promptId?: string;
    version?: number;
    tokens: number;
}
export interface SystemPromptDto {
    text: string;
    tokenCount: number;
    encoding: string;
    parts: SystemPromptPartDto[];
}
