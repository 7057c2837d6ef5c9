import type { z } from 'zod';
import type {
  assistantHistoryEntrySchema,
  assistantSchema,
  assistantUsageSchema,
  catalogEntrySchema,
  configurationResponseSchema,
  personaResponseSchema,
  searchHitSchema,
} from './assistant.responses';
import type { ASSISTANT_STATUSES, ASSISTANT_TYPES } from './assistant.schemas';

// The answers' types, derived from their schemas (assistant.responses.ts) so the two cannot drift apart.

export type AssistantType = (typeof ASSISTANT_TYPES)[number];
export type AssistantStatus = (typeof ASSISTANT_STATUSES)[number];
export type Persona = z.output<typeof personaResponseSchema>;
export type Configuration = z.output<typeof configurationResponseSchema>;
export type AssistantUsageDto = z.output<typeof assistantUsageSchema>;
export type AssistantDto = z.output<typeof assistantSchema>;
export type SearchHitDto = z.output<typeof searchHitSchema>;
export type AssistantHistoryEntryDto = z.output<typeof assistantHistoryEntrySchema>;
export type CatalogEntryDto = z.output<typeof catalogEntrySchema>;
