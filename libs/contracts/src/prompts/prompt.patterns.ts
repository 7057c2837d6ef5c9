// Request/reply subjects of prompts and assistant–prompt links (served by the assistants service).
export const PromptPatterns = {
  create: 'prompts.create',
  get: 'prompts.get',
  revise: 'prompts.revise',
  list: 'prompts.list',
  versions: 'prompts.versions',
  moveLabel: 'prompts.labels.move',
  removeLabel: 'prompts.labels.remove',
  link: 'assistants.prompts.link',
  updateLink: 'assistants.prompts.update-link',
  unlink: 'assistants.prompts.unlink',
  links: 'assistants.prompts.list',
  getLink: 'assistants.prompts.get-link',
  suggestions: 'assistants.prompts.suggestions',
  linkedAssistants: 'assistants.prompts.linked-assistants',
  systemPrompt: 'assistants.system-prompt',
  /** Bus only: the assistant, its links and its system prompt from one read (what a deployment freezes). */
  snapshot: 'assistants.snapshot',
} as const;

export const PROMPT_STREAM_CATEGORY = 'prompt';
