// Request/reply subjects of the conversations service (prefixed on the wire by the messaging lib).
export const ConversationPatterns = {
  start: 'conversations.start',
  get: 'conversations.get',
  list: 'conversations.list',
  active: 'conversations.active',
  end: 'conversations.end',
  setContext: 'conversations.context.set',
  summary: 'conversations.summary',
  appendMessage: 'conversations.messages.append',
  /** The same as appendMessage, with the reply's text streamed as it is generated (see `generationStreamSubject`). */
  appendMessageStreaming: 'conversations.messages.append-streaming',
  messages: 'conversations.messages.list',
  rateMessage: 'conversations.messages.rate',
} as const;

export const CONVERSATION_STREAM_CATEGORY = 'conversation';

/**
 * Where the service publishes the pieces of a reply while the model writes it, for the caller that chose
 * `streamId` (a UUID) and subscribed before sending `appendMessageStreaming`. Plain NATS, under the bus prefix.
 */
export const generationStreamSubject = (prefix: string, streamId: string) => `${prefix}.generation.${streamId}`;

/**
 * How long a caller waits for a generating request: the provider's deadline on the service side
 * (`LLM_TIMEOUT_MS`, at most 110 s) plus the bus's round trip, so the service's own 504 arrives first.
 */
export const GENERATION_RPC_TIMEOUT_MS = 120_000;
