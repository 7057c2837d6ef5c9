import { defineOperation, idParams } from '../common/operation';
import { pageSchema } from '../common/page';
import { AssistantPatterns } from './assistant.patterns';
import {
  assistantHistoryEntrySchema,
  assistantSchema,
  catalogEntrySchema,
  searchHitSchema,
} from './assistant.responses';
import {
  cloneAssistantSchema,
  createAssistantSchema,
  getAssistantQuerySchema,
  historyQuerySchema,
  listAssistantsQuerySchema,
  popularAssistantsQuerySchema,
  recordUsageSchema,
  searchAssistantsQuerySchema,
  updateAssistantSchema,
} from './assistant.schemas';

const id = idParams('id');
const A = AssistantPatterns;
const assistants = pageSchema(assistantSchema);
const catalog = pageSchema(catalogEntrySchema);

/** Every request/reply operation on assistants: the bus pattern, the schemas of its input and of its answer. */
export const AssistantOperations = {
  create: defineOperation({ pattern: A.create, body: createAssistantSchema, response: assistantSchema }),
  get: defineOperation({ pattern: A.get, params: id, query: getAssistantQuerySchema, response: assistantSchema }),
  update: defineOperation({ pattern: A.update, params: id, body: updateAssistantSchema, response: assistantSchema }),
  // The assistant as it is afterwards; the DELETE route answers 204 without it.
  archive: defineOperation({ pattern: A.archive, params: id, response: assistantSchema }),
  clone: defineOperation({
    pattern: A.clone,
    params: id,
    body: cloneAssistantSchema.default({}),
    response: assistantSchema,
  }),
  recordUsage: defineOperation({
    pattern: A.recordUsage,
    params: id,
    body: recordUsageSchema,
    response: assistantSchema,
  }),
  list: defineOperation({ pattern: A.list, query: listAssistantsQuerySchema, response: assistants }),
  search: defineOperation({
    pattern: A.search,
    query: searchAssistantsQuerySchema,
    response: pageSchema(searchHitSchema),
  }),
  popular: defineOperation({ pattern: A.popular, query: popularAssistantsQuerySchema, response: assistants }),
  history: defineOperation({
    pattern: A.history,
    params: id,
    query: historyQuerySchema,
    response: pageSchema(assistantHistoryEntrySchema),
  }),
  // Catalogs are complete by nature: one page, `nextCursor: null`.
  types: defineOperation({ pattern: A.types, response: catalog }),
  statuses: defineOperation({ pattern: A.statuses, response: catalog }),
} as const;
