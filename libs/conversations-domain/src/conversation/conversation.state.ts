import type { ConversationEnvironment, ConversationStatus, MessageRole } from '@platform/contracts';
import type { WindowMessage } from '../context/window';
import type { ConversationEvent, MessageRecord } from './conversation.events';

export interface ContextSummary {
  text: string;
  summarizer: 'model' | 'extractive';
  tokenCount: number;
  foldedMessages: number;
}

export interface Conversation {
  id: string;
  assistantId: string;
  userId: string;
  ownerId: string | null;
  title: string | null;
  environment: ConversationEnvironment | null;
  status: ConversationStatus;
  endReason: string | null;
  contextVariables: Record<string, string | number | boolean>;
  messageCount: number;
  tokenCount: number;
  byRole: Record<MessageRole, number>;
  responseTimeTotalMs: number;
  responseTimeSamples: number;
  feedbackCount: number;
  feedbackTotal: number;
  startedAt: string;
  lastActivityAt: string;
  endedAt: string | null;
  version: number;
  lastSeq: number;
  context: ConversationContext;
}

/**
 * The context window in figures only: the window's messages are the history's messages not yet folded into the
 * summary (`compressed: false`), so the conversation's document stays the same size however long it runs.
 */
export interface ConversationContext {
  summary: ContextSummary | null;
  budgetTokens: number;
  /** Tokens of the messages in the window. */
  windowTokens: number;
  /** How many messages the window holds. */
  windowMessages: number;
  /** The newest user message, which is always in the window (it never folds while it is the newest). */
  latestUserMessageId: string | null;
}

export type ConversationState = { kind: 'none' } | { kind: 'existing'; conversation: Conversation };

export const initialState: ConversationState = { kind: 'none' };

export const toWindowMessage = (m: MessageRecord): WindowMessage => ({
  id: m.id,
  seq: m.seq,
  role: m.role,
  content: m.content,
  toolCalls: m.toolCalls,
  toolCallId: m.toolCallId,
  tokenCount: m.tokenCount,
});

export function evolve(state: ConversationState, event: ConversationEvent): ConversationState {
  if (event.type === 'ConversationStarted') {
    const d = event.data;
    return {
      kind: 'existing',
      conversation: {
        id: d.conversationId,
        assistantId: d.assistantId,
        userId: d.userId,
        ownerId: d.ownerId,
        title: d.title,
        environment: d.environment as ConversationEnvironment | null,
        status: 'active',
        endReason: null,
        contextVariables: d.contextVariables,
        messageCount: 0,
        tokenCount: 0,
        byRole: { user: 0, assistant: 0, system: 0, tool: 0 },
        responseTimeTotalMs: 0,
        responseTimeSamples: 0,
        feedbackCount: 0,
        feedbackTotal: 0,
        startedAt: d.startedAt,
        lastActivityAt: d.startedAt,
        endedAt: null,
        version: 1,
        lastSeq: 0,
        context: {
          summary: null,
          budgetTokens: d.budgetTokens,
          windowTokens: 0,
          windowMessages: 0,
          latestUserMessageId: null,
        },
      },
    };
  }
  if (state.kind === 'none') return state;
  const c = state.conversation;
  const next = (changes: Partial<Conversation>, at: string): ConversationState => ({
    kind: 'existing',
    conversation: { ...c, ...changes, lastActivityAt: at, version: c.version + 1 },
  });
  switch (event.type) {
    case 'MessageAppended': {
      const m = event.data.message;
      const timed = m.responseTimeMs !== null;
      return next(
        {
          messageCount: c.messageCount + 1,
          tokenCount: c.tokenCount + m.tokenCount,
          byRole: { ...c.byRole, [m.role]: c.byRole[m.role] + 1 },
          responseTimeTotalMs: c.responseTimeTotalMs + (m.responseTimeMs ?? 0),
          responseTimeSamples: c.responseTimeSamples + (timed ? 1 : 0),
          lastSeq: m.seq,
          context: {
            ...c.context,
            budgetTokens: event.data.budgetTokens,
            windowTokens: c.context.windowTokens + m.tokenCount,
            windowMessages: c.context.windowMessages + 1,
            latestUserMessageId: m.role === 'user' ? m.id : c.context.latestUserMessageId,
          },
        },
        m.createdAt,
      );
    }
    case 'ContextCompressed': {
      const d = event.data;
      const folded = new Set(d.foldedMessageIds);
      const summary: ContextSummary = {
        text: d.summary,
        summarizer: d.summarizer,
        tokenCount: d.summaryTokens,
        foldedMessages: (c.context.summary?.foldedMessages ?? 0) + folded.size,
      };
      // What stays of the window is what the event says the context holds after it, less the summary.
      const context: ConversationContext = {
        ...c.context,
        summary,
        budgetTokens: d.budgetTokens,
        windowTokens: d.tokensAfter - d.summaryTokens,
        windowMessages: c.context.windowMessages - folded.size,
      };
      return next({ context }, d.at);
    }
    case 'ContextVariablesSet': {
      const vars = { ...c.contextVariables, ...event.data.set };
      for (const key of event.data.removed) delete vars[key];
      return next({ contextVariables: vars }, event.data.at);
    }
    case 'MessageRated': {
      const { rating, previousRating } = event.data;
      return next(
        {
          feedbackCount: c.feedbackCount + (previousRating === null ? 1 : 0),
          feedbackTotal: c.feedbackTotal + rating - (previousRating ?? 0),
        },
        event.data.at,
      );
    }
    case 'ConversationEnded':
      return next(
        { status: 'ended', endedAt: event.data.endedAt, endReason: event.data.reason },
        // Ending is not activity: the idle clock stays where the last activity left it.
        c.lastActivityAt,
      );
    default: {
      const unreachable: never = event;
      return unreachable;
    }
  }
}

export function fold(events: readonly ConversationEvent[], from: ConversationState = initialState): ConversationState {
  return events.reduce(evolve, from);
}
