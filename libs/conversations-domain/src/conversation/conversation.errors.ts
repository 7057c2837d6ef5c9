// Named domain errors; the service maps each to an HTTP status once, at the edge.
class DomainError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

export class ConversationNotFoundError extends DomainError {
  constructor(readonly conversationId: string) {
    super(`Conversation ${conversationId} not found`);
  }
}

export class ConversationAlreadyExistsError extends DomainError {
  constructor(readonly conversationId: string) {
    super(`Conversation ${conversationId} already exists`);
  }
}

export class ConversationEndedError extends DomainError {
  constructor(readonly conversationId: string) {
    super(`Conversation ${conversationId} has ended`);
  }
}

export class UnknownAssistantError extends DomainError {
  constructor(readonly assistantId: string) {
    super(`There is no assistant ${assistantId}`);
  }
}

export class AssistantNotActiveError extends DomainError {
  constructor(
    readonly assistantId: string,
    readonly status: string,
  ) {
    super(`Assistant ${assistantId} is ${status}; conversations need an active assistant`);
  }
}

export class ParentMessageNotFoundError extends DomainError {
  constructor(readonly parentMessageId: string) {
    super(`Message ${parentMessageId} is not part of this conversation`);
  }
}

export class UnknownToolCallError extends DomainError {
  constructor(readonly toolCallId: string) {
    super(`No earlier assistant message of this conversation made the tool call ${toolCallId}`);
  }
}

export class DuplicateToolCallError extends DomainError {
  constructor(readonly toolCallId: string) {
    super(`The tool call id ${toolCallId} is already used in this conversation`);
  }
}

export class MessageExceedsBudgetError extends DomainError {
  constructor(
    readonly tokens: number,
    readonly maxTokens: number,
  ) {
    super(`The message has ${tokens} tokens; the assistant's context budget leaves room for ${maxTokens}`);
  }
}

export class MessageNotFoundError extends DomainError {
  constructor(readonly messageId: string) {
    super(`Message ${messageId} is not part of this conversation`);
  }
}

export class FeedbackNotAllowedError extends DomainError {
  constructor(readonly role: string) {
    super(`Only assistant messages take feedback; this one is a ${role} message`);
  }
}
