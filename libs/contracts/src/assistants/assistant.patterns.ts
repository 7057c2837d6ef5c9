// Request/reply subjects of the assistants service (prefixed on the wire by the messaging lib).
export const AssistantPatterns = {
  create: 'assistants.create',
  get: 'assistants.get',
  update: 'assistants.update',
  archive: 'assistants.archive',
  clone: 'assistants.clone',
  recordUsage: 'assistants.record-usage',
  list: 'assistants.list',
  search: 'assistants.search',
  popular: 'assistants.popular',
  history: 'assistants.history',
  types: 'assistants.catalog.types',
  statuses: 'assistants.catalog.statuses',
} as const;

export const ASSISTANT_STREAM_CATEGORY = 'assistant';
