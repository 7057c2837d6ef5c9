import { defineOperation, idParams } from '../common/operation';
import { AssistantPatterns } from './assistant.patterns';
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

/** Every request/reply operation on assistants: the bus pattern and the schemas of its input. */
export const AssistantOperations = {
  create: defineOperation({ pattern: AssistantPatterns.create, body: createAssistantSchema }),
  get: defineOperation({ pattern: AssistantPatterns.get, params: id, query: getAssistantQuerySchema }),
  update: defineOperation({ pattern: AssistantPatterns.update, params: id, body: updateAssistantSchema }),
  archive: defineOperation({ pattern: AssistantPatterns.archive, params: id }),
  clone: defineOperation({ pattern: AssistantPatterns.clone, params: id, body: cloneAssistantSchema.default({}) }),
  recordUsage: defineOperation({ pattern: AssistantPatterns.recordUsage, params: id, body: recordUsageSchema }),
  list: defineOperation({ pattern: AssistantPatterns.list, query: listAssistantsQuerySchema }),
  search: defineOperation({ pattern: AssistantPatterns.search, query: searchAssistantsQuerySchema }),
  popular: defineOperation({ pattern: AssistantPatterns.popular, query: popularAssistantsQuerySchema }),
  history: defineOperation({ pattern: AssistantPatterns.history, params: id, query: historyQuerySchema }),
  types: defineOperation({ pattern: AssistantPatterns.types }),
  statuses: defineOperation({ pattern: AssistantPatterns.statuses }),
} as const;
