import type { z } from 'zod';
import type {
  assistantSnapshotSchema,
  linkedAssistantSchema,
  promptLinkSchema,
  promptSchema,
  promptSuggestionSchema,
  promptVariableResponseSchema,
  promptVersionSchema,
  systemPromptPartSchema,
  systemPromptSchema,
} from './prompt.responses';

// The answers' types, derived from their schemas (prompt.responses.ts) so the two cannot drift apart.

export type PromptVariable = z.output<typeof promptVariableResponseSchema>;
/** One immutable version of a prompt, with the prompt's identity and its labels. */
export type PromptDto = z.output<typeof promptSchema>;
export type PromptVersionDto = z.output<typeof promptVersionSchema>;
export type PromptLinkDto = z.output<typeof promptLinkSchema>;
export type PromptSuggestionDto = z.output<typeof promptSuggestionSchema>;
export type LinkedAssistantDto = z.output<typeof linkedAssistantSchema>;
export type SystemPromptPartDto = z.output<typeof systemPromptPartSchema>;
export type SystemPromptDto = z.output<typeof systemPromptSchema>;
/** Bus only: an assistant, its links and its composed system prompt, from one consistent read. */
export type AssistantSnapshotDto = z.output<typeof assistantSnapshotSchema>;
