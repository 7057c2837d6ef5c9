import { conversationsEventContracts } from '@platform/contracts';
import { deciderSpec } from '@platform/testing';
import type { AppendMessage, ConversationCommand, NewMessage } from './conversation.commands';
import { decide, windowHeadSuffices } from './conversation.decide';
import {
  AssistantNotActiveError,
  ConversationEndedError,
  DuplicateToolCallError,
  FeedbackNotAllowedError,
  MessageExceedsBudgetError,
  MessageNotFoundError,
  ParentMessageNotFoundError,
  UnknownAssistantError,
  UnknownToolCallError,
} from './conversation.errors';
import type { ConversationEvent } from './conversation.events';
import { evolve, fold, initialState, toWindowMessage } from './conversation.state';
import type { WindowMessage } from '../context/window';

const spec = deciderSpec({ decide, evolve, initialState });
const conversationId = '0190a000-0000-7000-8000-000000000001';
const assistantId = '0190a000-0000-7000-8000-00000000000a';
const at = (s: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, s)).toISOString();
const id = (n: number) => `0190a000-0000-7000-8000-${String(n).padStart(12, '0')}`;

const started: ConversationEvent = {
  type: 'ConversationStarted',
  data: {
    conversationId,
    assistantId,
    userId: 'u',
    ownerId: 'owner',
    title: null,
    environment: null,
    contextVariables: {},
    budgetTokens: 1000,
    startedAt: at(0),
  },
};

const message = (n: number, extra: Partial<NewMessage> = {}): NewMessage => ({
  id: id(n),
  role: 'user',
  content: `message ${n}`,
  toolCalls: null,
  toolCallId: null,
  parentMessageId: null,
  metadata: {},
  tokenCount: 10,
  model: null,
  responseTimeMs: null,
  usage: null,
  error: null,
  ...extra,
});
const append = (n: number, extra: Partial<NewMessage> = {}, more: Partial<AppendMessage> = {}): AppendMessage => ({
  type: 'AppendMessage',
  conversationId,
  now: at(n),
  message: message(n, extra),
  parentFound: true,
  budgetTokens: 1000,
  model: 'gpt-4o',
  windowHead: { messages: [], complete: true },
  knownToolCallIds: [],
  ...more,
});
const appended = (n: number, seq: number, extra: Partial<NewMessage> = {}): ConversationEvent => ({
  type: 'MessageAppended',
  data: { conversationId, assistantId, message: { ...message(n, extra), seq, createdAt: at(n) }, budgetTokens: 1000 },
});

/** The window as the history holds it: every message appended and not folded since, oldest first. */
function windowOf(history: readonly ConversationEvent[]): WindowMessage[] {
  let window: WindowMessage[] = [];
  for (const e of history) {
    if (e.type === 'MessageAppended') window.push(toWindowMessage(e.data.message));
    if (e.type === 'ContextCompressed') window = window.filter((m) => !e.data.foldedMessageIds.includes(m.id));
  }
  return window;
}

/** An append as the service builds it: the whole window as its head, and the tool call ids the history has. */
const withHistory = (history: readonly ConversationEvent[], c: ConversationCommand): ConversationCommand => {
  if (c.type !== 'AppendMessage') return c;
  const calls = new Set(
    history.flatMap((e) => (e.type === 'MessageAppended' ? (e.data.message.toolCalls ?? []).map((t) => t.id) : [])),
  );
  const named = [c.message.toolCallId, ...(c.message.toolCalls ?? []).map((t) => t.id)];
  return {
    ...c,
    windowHead: { messages: windowOf(history), complete: true },
    knownToolCallIds: named.filter((id): id is string => id !== null && calls.has(id)),
  };
};

/** Plays commands one after another, each against the state its predecessors' events fold into. */
const play = (commands: ConversationCommand[], from: ConversationEvent[] = [started]) =>
  commands.reduce((history, c) => [...history, ...spec.given(history).when(withHistory(history, c)).events()], from);

describe('Conversation decider', () => {
  describe('lifecycle', () => {
    const start = (assistant: { status: 'active' | 'draft' } | null): ConversationCommand => ({
      type: 'StartConversation',
      conversationId,
      now: at(0),
      assistant: assistant && { id: assistantId, ownerId: 'owner', ...assistant },
      budgetTokens: 1000,
      data: { assistantId, userId: 'u', title: null, environment: null, contextVariables: {} },
    });

    it('starts with an active assistant, copying its owner', () => {
      spec
        .given()
        .when(start({ status: 'active' }))
        .then([started]);
    });

    it('refuses an unknown assistant and one that is not active', () => {
      spec.given().when(start(null)).thenThrows(UnknownAssistantError);
      spec
        .given()
        .when(start({ status: 'draft' }))
        .thenThrows(AssistantNotActiveError, /draft/);
    });

    it('ends once; an ended conversation takes no messages and no second end', () => {
      const end: ConversationCommand = { type: 'EndConversation', conversationId, now: at(5), reason: 'done' };
      const ended: ConversationEvent = {
        type: 'ConversationEnded',
        data: { conversationId, assistantId, reason: 'done', endedAt: at(5) },
      };
      spec.given([started]).when(end).then([ended]);
      spec.given([started, ended]).when(end).thenThrows(ConversationEndedError);
      spec.given([started, ended]).when(append(6)).thenThrows(ConversationEndedError);
    });

    it('times out only a conversation still idle since before the cutoff', () => {
      const timeOut = (idleBefore: string): ConversationCommand => ({
        type: 'TimeOutConversation',
        conversationId,
        now: at(100),
        idleBefore,
      });
      spec
        .given([started, appended(10, 1)])
        .when(timeOut(at(9)))
        .thenNothingHappens();
      spec
        .given([started, appended(10, 1)])
        .when(timeOut(at(11)))
        .then([
          { type: 'ConversationEnded', data: { conversationId, assistantId, reason: 'timeout', endedAt: at(100) } },
        ]);
    });
  });

  describe('threading and tool calls', () => {
    it('numbers messages and requires a parent that exists in the conversation', () => {
      spec
        .given([started, appended(1, 1)])
        .when(append(2))
        .then([appended(2, 2)]);
      spec
        .given([started])
        .when(append(2, { parentMessageId: id(99) }, { parentFound: false }))
        .thenThrows(ParentMessageNotFoundError);
    });

    it('takes a tool message only for an earlier tool call, and each call id once', () => {
      const call = { toolCalls: [{ id: 'c1', name: 'f', arguments: '{}' }], role: 'assistant' as const };
      spec
        .given([started])
        .when(append(2, { role: 'tool', toolCallId: 'c1' }))
        .thenThrows(UnknownToolCallError);
      const history = play([append(1, call)]);
      expect(
        spec
          .given(history)
          .when(withHistory(history, append(2, { role: 'tool', toolCallId: 'c1' })))
          .events(),
      ).toHaveLength(1);
      spec
        .given(history)
        .when(withHistory(history, append(3, call)))
        .thenThrows(DuplicateToolCallError);
      const twice = { role: 'assistant' as const, toolCalls: [call.toolCalls[0], call.toolCalls[0]] };
      spec.given([started]).when(append(4, twice)).thenThrows(DuplicateToolCallError);
    });
  });

  describe('feedback', () => {
    const rate = (
      target: { role: 'user' | 'assistant'; rating: number | null } | null,
      rating = 4,
    ): ConversationCommand => ({
      type: 'RateMessage',
      conversationId,
      now: at(9),
      messageId: id(1),
      target,
      rating,
      comment: null,
    });

    it('rates assistant messages only, and a second rating replaces the first', () => {
      spec.given([started]).when(rate(null)).thenThrows(MessageNotFoundError);
      spec
        .given([started])
        .when(rate({ role: 'user', rating: null }))
        .thenThrows(FeedbackNotAllowedError);
      const history = play([rate({ role: 'assistant', rating: null }, 2), rate({ role: 'assistant', rating: 2 }, 5)]);
      const state = fold(history);
      expect(state.kind === 'existing' && [state.conversation.feedbackCount, state.conversation.feedbackTotal]).toEqual(
        [1, 5],
      );
    });
  });

  describe('context under the budget', () => {
    const budget = 100;
    const talk = (n: number, tokens: number, role: NewMessage['role'] = 'user', more: Partial<AppendMessage> = {}) =>
      append(
        n,
        { role, tokenCount: tokens, content: `Turn ${n} says something. Then more.` },
        { budgetTokens: budget, ...more },
      );

    it('folds the oldest turns when the window would exceed the budget, keeping the latest user message', () => {
      const history = play([talk(1, 30), talk(2, 30, 'assistant'), talk(3, 30)]);
      const events = spec
        .given(history)
        .when(withHistory(history, talk(4, 30, 'assistant')))
        .events();
      const compressed = events.find((e) => e.type === 'ContextCompressed');
      expect(compressed?.data).toMatchObject({ foldedMessageIds: [id(1), id(2)], summarizer: 'extractive' });
      const state = fold(events, fold(history));
      if (state.kind !== 'existing') throw new Error('no conversation');
      const { summary, windowTokens, windowMessages } = state.conversation.context;
      const window = windowOf([...history, ...events]);
      expect(window.map((m) => m.id)).toEqual([id(3), id(4)]);
      expect([windowTokens, windowMessages]).toEqual([60, 2]);
      expect(summary!.text).toBe('- user: Turn 1 says something.\n- assistant: Turn 2 says something.');
      expect(summary!.tokenCount + windowTokens).toBeLessThanOrEqual(budget);
    });

    it('uses the model summary when it covers exactly the messages folded, the extractive one otherwise', () => {
      const history = play([talk(1, 30), talk(2, 30, 'assistant'), talk(3, 30)]);
      const byModel = (ids: string[]) =>
        spec
          .given(history)
          .when(
            withHistory(
              history,
              talk(4, 30, 'assistant', { modelSummary: { foldedMessageIds: ids, text: 'They talked.' } }),
            ),
          )
          .events()
          .find((e) => e.type === 'ContextCompressed')?.data;
      expect(byModel([id(1), id(2)])).toMatchObject({ summarizer: 'model', summary: 'They talked.' });
      expect(byModel([id(1)])).toMatchObject({ summarizer: 'extractive' });
    });

    it('folds from the oldest messages of the window only, read as far as needed, as from the whole window', () => {
      // A small deterministic generator: every shape of conversation, not one example.
      let seed = 7;
      const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
      const roles = ['user', 'assistant', 'system', 'user'] as const;
      for (let round = 0; round < 40; round++) {
        let whole: ConversationEvent[] = [started];
        let headOnly: ConversationEvent[] = [started];
        let reads = 0;
        for (let n = 1; n <= 60; n++) {
          const role = roles[Math.floor(next() * roles.length)];
          const tokens = 1 + Math.floor(next() * (role === 'user' ? 70 : 140));
          const command = talk(n, tokens, role) as AppendMessage;
          const expected = spec.given(whole).when(withHistory(whole, command)).events();
          // The service's reading: pages of the window oldest first until the head suffices.
          const state = fold(headOnly);
          if (state.kind !== 'existing') throw new Error('no conversation');
          const window = windowOf(headOnly);
          const page = 1 + Math.floor(next() * 4);
          let head: WindowMessage[] = [];
          while (
            !windowHeadSuffices(state.conversation, command.message, budget, head, head.length === window.length)
          ) {
            head = window.slice(0, head.length + page);
            reads++;
          }
          const windowHead = { messages: head, complete: head.length === window.length };
          const actual = spec
            .given(headOnly)
            .when({ ...command, windowHead })
            .events();
          expect(actual).toEqual(expected);
          whole = [...whole, ...expected];
          headOnly = [...headOnly, ...actual];
          const after = fold(headOnly);
          if (after.kind !== 'existing') throw new Error('no conversation');
          const { windowTokens, windowMessages, summary } = after.conversation.context;
          const truth = windowOf(headOnly);
          expect([windowTokens, windowMessages]).toEqual([truth.reduce((t, m) => t + m.tokenCount, 0), truth.length]);
          expect(windowTokens + (summary?.tokenCount ?? 0)).toBeLessThanOrEqual(budget);
        }
        expect(reads).toBeGreaterThan(0);
      }
    });

    it('refuses to fold from a head too short for the fold, and needs none while the window fits', () => {
      const history = play([talk(1, 30), talk(2, 30, 'assistant'), talk(3, 30)]);
      const state = fold(history);
      if (state.kind !== 'existing') throw new Error('no conversation');
      expect(windowHeadSuffices(state.conversation, message(4, { tokenCount: 5 }), budget, [], false)).toBe(true);
      expect(windowHeadSuffices(state.conversation, message(4, { tokenCount: 30 }), budget, [], false)).toBe(false);
      const short = { windowHead: { messages: windowOf(history).slice(0, 1), complete: false } };
      expect(() => decide({ ...talk(4, 30, 'assistant'), ...short } as AppendMessage, state)).toThrow(/too short/);
    });

    it('refuses a user message that cannot fit beside a summary', () => {
      spec.given([started]).when(talk(1, 80)).thenThrows(MessageExceedsBudgetError);
    });

    it('publishes every event it emits under its contract', () => {
      const history = play([talk(1, 30), talk(2, 30, 'assistant'), talk(3, 30), talk(4, 30, 'assistant')]);
      for (const e of history) {
        const contract = conversationsEventContracts.events[e.type];
        expect([e.type, contract.schema.safeParse(e.data).success]).toEqual([e.type, true]);
      }
    });
  });
});
