import { extractiveSummary, fitTokens } from '../context/extractive-summary';
import { countTokens } from '../context/tokens';
import { maxMessageTokens, planFoldFromHead, summaryCapTokens } from '../context/window';
import type { WindowMessage } from '../context/window';
import type {
  AppendMessage,
  NewMessage,
  ConversationCommand,
  EndConversation,
  RateMessage,
  SetContextVariables,
  StartConversation,
  TimeOutConversation,
} from './conversation.commands';
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
} from './conversation.errors';
import type { ContextCompressed, ConversationEvent, MessageAppended } from './conversation.events';
import { toWindowMessage, type Conversation, type ConversationState } from './conversation.state';

export function decide(command: ConversationCommand, state: ConversationState): ConversationEvent[] {
  switch (command.type) {
    case 'StartConversation':
      return start(command, state);
    case 'AppendMessage':
      return append(command, active(command.conversationId, state));
    case 'SetContextVariables':
      return setVariables(command, active(command.conversationId, state));
    case 'RateMessage':
      return rate(command, existing(command.conversationId, state));
    case 'EndConversation':
      return end(command, active(command.conversationId, state));
    case 'TimeOutConversation':
      return timeOut(command, state);
    default: {
      const unreachable: never = command;
      throw new Error(`Unknown command ${JSON.stringify(unreachable)}`);
    }
  }
}

function existing(id: string, state: ConversationState): Conversation {
  if (state.kind === 'none') throw new ConversationNotFoundError(id);
  return state.conversation;
}

function active(id: string, state: ConversationState): Conversation {
  const c = existing(id, state);
  if (c.status === 'ended') throw new ConversationEndedError(id);
  return c;
}

function start(command: StartConversation, state: ConversationState): ConversationEvent[] {
  if (state.kind !== 'none') throw new ConversationAlreadyExistsError(command.conversationId);
  const { assistant, data } = command;
  if (!assistant) throw new UnknownAssistantError(data.assistantId);
  if (assistant.status !== 'active') throw new AssistantNotActiveError(assistant.id, assistant.status);
  return [
    {
      type: 'ConversationStarted',
      data: {
        conversationId: command.conversationId,
        assistantId: assistant.id,
        userId: data.userId,
        ownerId: assistant.ownerId,
        title: data.title,
        environment: data.environment,
        contextVariables: data.contextVariables,
        budgetTokens: Math.max(0, command.budgetTokens),
        startedAt: command.now,
      },
    },
  ];
}

function append(command: AppendMessage, c: Conversation): ConversationEvent[] {
  const m = command.message;
  const budget = Math.max(0, command.budgetTokens);
  if (m.parentMessageId !== null && !command.parentFound) throw new ParentMessageNotFoundError(m.parentMessageId);
  const known = new Set(command.knownToolCallIds);
  if (m.role === 'tool' && (m.toolCallId === null || !known.has(m.toolCallId)))
    throw new UnknownToolCallError(m.toolCallId ?? '');
  const calls = (m.toolCalls ?? []).map((t) => t.id);
  const repeated = calls.find((id, i) => known.has(id) || calls.indexOf(id) !== i);
  if (repeated !== undefined) throw new DuplicateToolCallError(repeated);
  // The latest user message always stays in the window, so it must fit beside a summary of the largest size.
  if (m.role === 'user' && m.tokenCount > maxMessageTokens(budget))
    throw new MessageExceedsBudgetError(m.tokenCount, maxMessageTokens(budget));
  const appended: MessageAppended = {
    type: 'MessageAppended',
    data: {
      conversationId: c.id,
      assistantId: c.assistantId,
      message: { ...m, seq: c.lastSeq + 1, createdAt: command.now },
      budgetTokens: budget,
    },
  };
  const compressed = compress(command, c, appended, budget);
  return compressed ? [appended, compressed] : [appended];
}

/** Folds the oldest turns into the summary when the window with the new message exceeds the budget. */
function compress(
  command: AppendMessage,
  c: Conversation,
  appended: MessageAppended,
  budget: number,
): ContextCompressed | undefined {
  const added = toWindowMessage(appended.data.message);
  const { messages, complete } = command.windowHead;
  const fold = foldOf(c, added, budget, messages, complete);
  if (fold === null) throw new Error(`The window head given for ${c.id} is too short for its fold`);
  const summaryTokens = c.context.summary?.tokenCount ?? 0;
  const windowTotal = c.context.windowTokens + added.tokenCount;
  if (fold.length === 0) return undefined;
  const cap = summaryCapTokens(budget);
  const ids = fold.map((m) => m.id);
  const byModel =
    command.modelSummary !== undefined &&
    command.modelSummary.foldedMessageIds.length === ids.length &&
    command.modelSummary.foldedMessageIds.every((id, i) => id === ids[i]);
  const text = byModel
    ? fitTokens(command.modelSummary!.text.split('\n'), cap, command.model)
    : extractiveSummary(c.context.summary?.text ?? null, fold, cap, command.model);
  const tokens = countTokens(text, command.model);
  return {
    type: 'ContextCompressed',
    data: {
      conversationId: c.id,
      foldedMessageIds: ids,
      summary: text,
      summarizer: byModel ? 'model' : 'extractive',
      summaryTokens: tokens,
      tokensBefore: summaryTokens + windowTotal,
      tokensAfter: tokens + windowTotal - fold.reduce((n, m) => n + m.tokenCount, 0),
      budgetTokens: budget,
      at: command.now,
    },
  };
}

/** The messages appending `added` folds, from the window's oldest messages (`head`); null if they are too few. */
function foldOf(c: Conversation, added: WindowMessage, budget: number, head: WindowMessage[], complete: boolean) {
  const windowTotal = c.context.windowTokens + added.tokenCount;
  const summaryTokens = c.context.summary?.tokenCount ?? 0;
  const latestUserId = added.role === 'user' ? added.id : c.context.latestUserMessageId;
  return planFoldFromHead(
    complete ? [...head, added] : head,
    windowTotal,
    summaryTokens,
    budget,
    latestUserId,
    complete,
  );
}

/** What a message of the window needs beyond its place in it. */
type WindowPart = Pick<NewMessage, 'id' | 'role' | 'content' | 'toolCalls' | 'toolCallId' | 'tokenCount'>;

/**
 * The messages appending `message` would fold, planned from `head`, the oldest messages of the conversation's window
 * (oldest first; `complete` when they are all of it): null when `head` is too short to tell, [] when nothing folds.
 */
export function plannedFold(
  c: Conversation,
  message: WindowPart,
  budget: number,
  head: WindowMessage[],
  complete: boolean,
): WindowMessage[] | null {
  const { id, role, content, toolCalls, toolCallId, tokenCount } = message;
  const added: WindowMessage = { id, role, content, toolCalls, toolCallId, tokenCount, seq: c.lastSeq + 1 };
  return foldOf(c, added, Math.max(0, budget), head, complete);
}

/**
 * Whether `head` is enough of the window for appending `message` (`AppendMessage.windowHead`): while the window
 * with the message fits the budget, no head at all is; else the oldest messages as far as the fold goes.
 */
export function windowHeadSuffices(
  c: Conversation,
  message: WindowPart,
  budget: number,
  head: WindowMessage[],
  complete: boolean,
): boolean {
  return plannedFold(c, message, budget, head, complete) !== null;
}

function setVariables(command: SetContextVariables, c: Conversation): ConversationEvent[] {
  const set: Record<string, string | number | boolean> = {};
  const removed: string[] = [];
  for (const [key, value] of Object.entries(command.variables)) {
    if (value === null) {
      if (Object.hasOwn(c.contextVariables, key)) removed.push(key);
    } else if (c.contextVariables[key] !== value) set[key] = value;
  }
  if (Object.keys(set).length === 0 && removed.length === 0) return [];
  return [{ type: 'ContextVariablesSet', data: { conversationId: c.id, set, removed, at: command.now } }];
}

function rate(command: RateMessage, c: Conversation): ConversationEvent[] {
  if (!command.target) throw new MessageNotFoundError(command.messageId);
  if (command.target.role !== 'assistant') throw new FeedbackNotAllowedError(command.target.role);
  return [
    {
      type: 'MessageRated',
      data: {
        conversationId: c.id,
        assistantId: c.assistantId,
        messageId: command.messageId,
        rating: command.rating,
        comment: command.comment,
        previousRating: command.target.rating,
        at: command.now,
      },
    },
  ];
}

function end(command: EndConversation, c: Conversation): ConversationEvent[] {
  return [
    {
      type: 'ConversationEnded',
      data: { conversationId: c.id, assistantId: c.assistantId, reason: command.reason, endedAt: command.now },
    },
  ];
}

function timeOut(command: TimeOutConversation, state: ConversationState): ConversationEvent[] {
  if (state.kind === 'none') throw new ConversationNotFoundError(command.conversationId);
  const c = state.conversation;
  // Another instance ended it first, or someone spoke since the sweep looked: nothing to do.
  if (c.status === 'ended' || c.lastActivityAt >= command.idleBefore) return [];
  return [
    {
      type: 'ConversationEnded',
      data: { conversationId: c.id, assistantId: c.assistantId, reason: 'timeout', endedAt: command.now },
    },
  ];
}
