import type { ASSISTANT_STATUSES, ASSISTANT_TYPES, ConfigurationInput, PersonaInput } from './assistant.schemas';
export type AssistantType = (typeof ASSISTANT_TYPES)[number];
export type AssistantStatus = (typeof ASSISTANT_STATUSES)[number];
export type Persona = PersonaInput;
export type Configuration = Required<Pick<ConfigurationInput, 'model' | 'temperature' | 'maxTokens' | 'contextWindowTokens' | 'topP'>>;
export interface AssistantUsageDto {
    conversations: number;
    messages: number;
    tokens: number;
    avgResponseTimeMs: number | null;
    satisfaction: number | null;
    ratings: number;
}
export interface AssistantDto {
    id: string;
    slug: string;
    name: string;
    description: string | null;
    type: AssistantType;
    status: AssistantStatus;
    tags: string[];
    specialty: string | null;
    ownerId: string;
    parentId: string | null;
    version: number;
    createdAt: string;
    updatedAt: string;
    persona: Persona;
    configuration: Configuration;
    usage: AssistantUsageDto;
}
export interface SearchHitDto extends AssistantDto {
    score: number;
}
export interface AssistantHistoryEntryDto {
    eventId: string;
    type: string;
    version: number;
    occurredAt: string;
    actorId: string;
    correlationId: string;
    change: unknown;
}
export interface CatalogEntryDto {
    value: string;
    label: string;
    description: string;
    allowedNext?: string[];
}
