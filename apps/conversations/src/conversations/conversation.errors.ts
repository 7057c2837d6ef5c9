import {
  AssistantNotActiveError,
  ConversationAlreadyExistsError,
  ConversationEndedError,
  ConversationNotFoundError,
  DuplicateToolCallError,
  FeedbackNotAllowedError,
  MessageExceedsBudgetError,
  MessageNotFoundError,
  ParentMessageNotFoundError,
  UnknownAssistantError,
  UnknownToolCallError,
} from '@platform/conversations-domain';
import { onError, type ErrorMapping } from '@platform/messaging';

// Errors of the conversations service outside the decider: the model provider's.
export class ProviderNotConfiguredError extends Error {
  override readonly name = 'ProviderNotConfiguredError';
  constructor() {
    super('No model provider is configured (LLM_BASE_URL): the platform cannot generate replies; send generate: false');
  }
}

/** The provider failed or did not answer in time; the failure is stored as an assistant message first. */
export class ProviderFailedError extends Error {
  override readonly name: string = 'ProviderFailedError';
  constructor(
    message: string,
    readonly messageId: string,
  ) {
    super(message);
  }
}

export class ProviderTimeoutError extends ProviderFailedError {
  override readonly name = 'ProviderTimeoutError';
}

/** A conversation in an environment runs on the assistant's active deployment there; it has none. */
export class NoActiveDeploymentError extends Error {
  override readonly name = 'NoActiveDeploymentError';
  constructor(
    readonly assistantId: string,
    readonly environment: string,
  ) {
    super(`Assistant ${assistantId} has no active deployment in ${environment}`);
  }
}

const field = (name: string) => (e: Error) => ({ errors: [{ field: name, message: e.message }] });

/** Every named error of the conversations context and its status, mapped once. */
export const conversationErrors: readonly ErrorMapping[] = [
  onError(ConversationNotFoundError, 404),
  onError(MessageNotFoundError, 404),
  onError(ConversationAlreadyExistsError, 409),
  onError(ConversationEndedError, 409),
  onError(AssistantNotActiveError, 409),
  onError(NoActiveDeploymentError, 409, (e) => ({ environment: e.environment })),
  onError(UnknownAssistantError, 422, field('assistantId')),
  onError(ParentMessageNotFoundError, 422, field('parentMessageId')),
  onError(UnknownToolCallError, 422, field('toolCallId')),
  onError(DuplicateToolCallError, 422, field('toolCalls')),
  onError(MessageExceedsBudgetError, 422, field('content')),
  onError(FeedbackNotAllowedError, 422, field('messageId')),
  onError(ProviderNotConfiguredError, 422, field('generate')),
  // The stored assistant message that records the failure, so a client can point at it.
  onError(ProviderTimeoutError, 504, (e) => ({ messageId: e.messageId })),
  onError(ProviderFailedError, 502, (e) => ({ messageId: e.messageId })),
];
