import { z } from 'zod';
import { defineOperation, idParams } from '../common/operation';
import { PromptPatterns } from './prompt.patterns';
import {
  createPromptSchema,
  getPromptQuerySchema,
  linkPromptSchema,
  listPromptsQuerySchema,
  movePromptLabelSchema,
  promptVersionsQuerySchema,
  revisePromptSchema,
  suggestionsQuerySchema,
  systemPromptRequestSchema,
  updatePromptLinkSchema,
} from './prompt.schemas';

const id = idParams('id');
const link = idParams('id', 'promptId');

/** Every request/reply operation on prompts, links and system prompts. */
export const PromptOperations = {
  create: defineOperation({ pattern: PromptPatterns.create, body: createPromptSchema }),
  get: defineOperation({ pattern: PromptPatterns.get, params: id, query: getPromptQuerySchema }),
  revise: defineOperation({ pattern: PromptPatterns.revise, params: id, body: revisePromptSchema }),
  list: defineOperation({ pattern: PromptPatterns.list, query: listPromptsQuerySchema }),
  versions: defineOperation({ pattern: PromptPatterns.versions, params: id, query: promptVersionsQuerySchema }),
  moveLabel: defineOperation({ pattern: PromptPatterns.moveLabel, params: id, body: movePromptLabelSchema }),
  removeLabel: defineOperation({
    pattern: PromptPatterns.removeLabel,
    params: z.object({ id: idParams('id').shape.id, label: z.string().min(1).max(63) }),
  }),
  link: defineOperation({ pattern: PromptPatterns.link, params: id, body: linkPromptSchema }),
  updateLink: defineOperation({ pattern: PromptPatterns.updateLink, params: link, body: updatePromptLinkSchema }),
  unlink: defineOperation({ pattern: PromptPatterns.unlink, params: link }),
  links: defineOperation({ pattern: PromptPatterns.links, params: id }),
  suggestions: defineOperation({ pattern: PromptPatterns.suggestions, params: id, query: suggestionsQuerySchema }),
  linkedAssistants: defineOperation({ pattern: PromptPatterns.linkedAssistants, params: idParams('promptId') }),
  systemPrompt: defineOperation({
    pattern: PromptPatterns.systemPrompt,
    params: id,
    body: systemPromptRequestSchema.default({ variables: {} }),
  }),
} as const;
