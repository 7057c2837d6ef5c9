import type { ConversationEnvironment, MessageRole } from '@platform/contracts';
import type { WindowMessage } from '../context/window';
import type { MessageRecord } from './conversation.events';

// Commands are plain objects; time, ids and anything read from other models arrive in them.

type Variables = Record<string, string | number | boolean>;

/** What the conversation needs to know of its assistant, as the assistants service answered a moment ago. */
export interface AssistantFacts {
  id: string;
  status: 'draft' | 'active' | 'inactive' | 'archived';
  ownerId: string | null;
}

export interface StartConversation {
  type: 'StartConversation';
  conversationId: string;
  now: string;
  /** null: the assistants service does not know the id. */
  assistant: AssistantFacts | null;
  budgetTokens: number;
  data: {
    assistantId: string;
    userId: string;
    title: string | null;
    environment: ConversationEnvironment | null;
    contextVariables: Variables;
  };
}

/** A message as the caller (or the model) gave it, its id and token count already assigned. */
export type NewMessage = Omit<MessageRecord, 'seq' | 'createdAt'> & { role: MessageRole };

export interface AppendMessage {
  type: 'AppendMessage';
  conversationId: string;
  now: string;
  message: NewMessage;
  /** Whether `message.parentMessageId` names a message of this conversation (looked up by the caller). */
  parentFound: boolean;
  budgetTokens: number;
  /** The model whose tokenizer counts the summary's tokens. */
  model: string;
  /**
   * The oldest messages of the window, oldest first, as the history holds them (read under the conversation's
   * lock): as many as the fold this append makes needs (see `planFoldFromHead`), none when it makes none.
   * `complete`: they are the whole window, and the new message follows them.
   */
  windowHead: { messages: WindowMessage[]; complete: boolean };
  /** Which of the tool call ids the message names (its `toolCallId`, its `toolCalls`) the conversation has already. */
  knownToolCallIds: string[];
  /** A summary the model provider wrote of exactly these folded messages, if one was asked for beforehand. */
  modelSummary?: { foldedMessageIds: string[]; text: string };
}

export interface SetContextVariables {
  type: 'SetContextVariables';
  conversationId: string;
  now: string;
  variables: Record<string, string | number | boolean | null>;
}

export interface RateMessage {
  type: 'RateMessage';
  conversationId: string;
  now: string;
  messageId: string;
  /** The message rated, as the history has it; null when the conversation has no such message. */
  target: { role: MessageRole; rating: number | null } | null;
  rating: number;
  comment: string | null;
}

export interface EndConversation {
  type: 'EndConversation';
  conversationId: string;
  now: string;
  reason: string | null;
}

/** Ends the conversation with reason `timeout` if it has been idle since before `idleBefore`; otherwise nothing. */
export interface TimeOutConversation {
  type: 'TimeOutConversation';
  conversationId: string;
  now: string;
  idleBefore: string;
}

export type ConversationCommand =
  StartConversation | AppendMessage | SetContextVariables | RateMessage | EndConversation | TimeOutConversation;
