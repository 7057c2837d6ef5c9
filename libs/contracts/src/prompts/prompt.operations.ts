import { z } from 'zod';
import { assistantSchema } from '../assistants/assistant.responses';
import { defineOperation, idParams } from '../common/operation';
import { pageSchema } from '../common/page';
import { PromptPatterns } from './prompt.patterns';
import {
  assistantSnapshotSchema,
  linkedAssistantSchema,
  promptLinkSchema,
  promptSchema,
  promptSuggestionSchema,
  promptVersionSchema,
  systemPromptSchema,
} from './prompt.responses';
import {
  createPromptSchema,
  getPromptQuerySchema,
  linkedAssistantsQuerySchema,
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
const P = PromptPatterns;

/** Every request/reply operation on prompts, links and system prompts, with the schema of its answer. */
export const PromptOperations = {
  create: defineOperation({ pattern: P.create, body: createPromptSchema, response: promptSchema }),
  get: defineOperation({ pattern: P.get, params: id, query: getPromptQuerySchema, response: promptSchema }),
  revise: defineOperation({ pattern: P.revise, params: id, body: revisePromptSchema, response: promptSchema }),
  list: defineOperation({ pattern: P.list, query: listPromptsQuerySchema, response: pageSchema(promptSchema) }),
  versions: defineOperation({
    pattern: P.versions,
    params: id,
    query: promptVersionsQuerySchema,
    response: pageSchema(promptVersionSchema),
  }),
  moveLabel: defineOperation({ pattern: P.moveLabel, params: id, body: movePromptLabelSchema, response: promptSchema }),
  // The prompt as it is afterwards; the DELETE route answers 204 without it.
  removeLabel: defineOperation({
    pattern: P.removeLabel,
    params: z.object({ id: idParams('id').shape.id, label: z.string().min(1).max(63) }),
    response: promptSchema,
  }),
  link: defineOperation({ pattern: P.link, params: id, body: linkPromptSchema, response: promptLinkSchema }),
  updateLink: defineOperation({
    pattern: P.updateLink,
    params: link,
    body: updatePromptLinkSchema,
    response: promptLinkSchema,
  }),
  // The assistant as it is afterwards (unlinking changes the assistant); the DELETE route answers 204 without it.
  unlink: defineOperation({ pattern: P.unlink, params: link, response: assistantSchema }),
  getLink: defineOperation({ pattern: P.getLink, params: link, response: promptLinkSchema }),
  // An assistant's links are part of the assistant, read whole with it: one page, always complete.
  links: defineOperation({ pattern: P.links, params: id, response: pageSchema(promptLinkSchema) }),
  // Capped by `limit`, not paged: a next page of weaker suggestions is not worth a cursor.
  suggestions: defineOperation({
    pattern: P.suggestions,
    params: id,
    query: suggestionsQuerySchema,
    response: pageSchema(promptSuggestionSchema),
  }),
  linkedAssistants: defineOperation({
    pattern: P.linkedAssistants,
    params: idParams('promptId'),
    query: linkedAssistantsQuerySchema,
    response: pageSchema(linkedAssistantSchema),
  }),
  systemPrompt: defineOperation({
    pattern: P.systemPrompt,
    params: id,
    body: systemPromptRequestSchema.default({ variables: {} }),
    response: systemPromptSchema,
  }),
  // Bus only (the deployments service): one consistent read instead of the assistant, its links and its prompt apart.
  snapshot: defineOperation({ pattern: P.snapshot, params: id, response: assistantSnapshotSchema }),
} as const;
