import type { AssistantsEvent, ConversationsEvent } from '@platform/contracts';
import { percentiles } from '../latency';
import { evolveAssistantCatalog, type AssistantCatalogEntry } from './assistant-catalog.projection';
import { evolveConversationActivity, foldConversationActivity } from './conversation-activity.projection';
import { evolveConversationLifecycle } from './conversation-lifecycle.projection';
import { evolveDeploymentActivity, type DeploymentEvent } from './deployment-activity.projection';
import { evolveUsageActivity } from './usage-activity.projection';
import type { HourlyActivity } from './activity';

const A = 'a1';
const C = 'c1';
const at = '2026-03-01T10:15:00.000Z';
const fold = <D, E>(evolve: (d: D | null, e: E) => D | null, events: E[]) =>
  events.reduce<D | null>((d, e) => evolve(d, e), null);

const message = (role: 'user' | 'assistant', extra: Record<string, unknown> = {}): ConversationsEvent =>
  ({
    type: 'MessageAppended',
    data: {
      conversationId: C,
      assistantId: A,
      budgetTokens: 1000,
      message: {
        id: `m-${Math.random()}`,
        seq: 1,
        role,
        content: 'x',
        toolCalls: null,
        toolCallId: null,
        parentMessageId: null,
        metadata: {},
        tokenCount: 10,
        model: null,
        responseTimeMs: role === 'assistant' ? 200 : null,
        usage: null,
        error: null,
        createdAt: at,
        ...extra,
      },
    },
  }) as ConversationsEvent;

describe('conversation activity (per assistant and hour)', () => {
  const started: ConversationsEvent = {
    type: 'ConversationStarted',
    data: {
      conversationId: C,
      assistantId: A,
      userId: 'u',
      ownerId: 'o',
      title: null,
      environment: null,
      contextVariables: {},
      budgetTokens: 1000,
      startedAt: at,
    },
  };
  const ended = (reason: string | null): ConversationsEvent => ({
    type: 'ConversationEnded',
    data: { conversationId: C, assistantId: A, reason, endedAt: at },
  });
  const rated = (rating: number, previousRating: number | null): ConversationsEvent => ({
    type: 'MessageRated',
    data: { conversationId: C, assistantId: A, messageId: 'm', rating, comment: null, previousRating, at },
  });

  it('lands in the hour of the event and counts conversations started, ended and timed out', () => {
    const doc = fold(evolveConversationActivity, [started, ended(null), started, ended('timeout')])!;
    expect(doc).toMatchObject({ assistantId: A, hour: '2026-03-01T10:00:00.000Z' });
    expect(doc).toMatchObject({ conversationsStarted: 2, conversationsEnded: 2, conversationsTimedOut: 1 });
  });

  it('counts messages by role, tokens in and out, response times and errors', () => {
    const error = { code: 'timeout', message: 'slow', status: null };
    const doc = fold(evolveConversationActivity, [
      message('user'),
      message('assistant'),
      message('assistant', { usage: { promptTokens: 30, completionTokens: 7 }, responseTimeMs: 1000 }),
      message('assistant', { error, responseTimeMs: null }),
    ])!;
    expect(doc.messages).toEqual({ user: 1, assistant: 3, system: 0, tool: 0 });
    expect(doc.tokensInput).toBe(10 + 30);
    expect(doc.tokensOutput).toBe(10 + 7 + 10);
    expect(doc).toMatchObject({ responseTimeMsSum: 1200, responseTimeCount: 2, errors: 1 });
    const p = percentiles(doc.latency);
    expect(p.p50).toBeCloseTo(200, -1);
  });

  it('replaces a changed rating instead of counting it twice', () => {
    const doc = fold(evolveConversationActivity, [rated(2, null), rated(5, 2), rated(4, null)])!;
    expect(doc).toMatchObject({ ratingSum: 9, ratingCount: 2 });
  });

  it('evolves a copy: the doc it is given stays as it was', () => {
    const before = fold(evolveConversationActivity, [started, message('assistant'), rated(3, null)])!;
    const copy = structuredClone(before);
    const after = evolveConversationActivity(before, message('assistant', { responseTimeMs: 5000 }))!;
    expect(before).toEqual(copy);
    expect(after.messages.assistant).toBe(2);
    expect(Object.values(after.latency).reduce((a, b) => a + b, 0)).toBe(2);
  });

  it('folds in place to the same doc as evolving copies, changing and returning the doc it is given', () => {
    const events = [
      started,
      message('user'),
      message('assistant'),
      message('assistant', { usage: { promptTokens: 30, completionTokens: 7 }, responseTimeMs: 1000 }),
      rated(2, null),
      rated(5, 2),
      ended('timeout'),
    ];
    const evolved = fold(evolveConversationActivity, events);
    const first = foldConversationActivity(null, events[0])!;
    let doc = first;
    for (const e of events.slice(1)) doc = foldConversationActivity(doc, e)!;
    expect(doc).toBe(first);
    expect(doc).toEqual(evolved);
  });

  it('ignores events it does not count', () => {
    const other: ConversationsEvent = {
      type: 'ContextVariablesSet',
      data: { conversationId: C, set: {}, removed: [], at },
    };
    expect(evolveConversationActivity(null, other)).toBeNull();
  });
});

describe('conversation lifecycle', () => {
  it('keeps when a conversation started and ended, whatever order the hours come in', () => {
    const doc = fold(evolveConversationLifecycle, [
      { type: 'ConversationEnded', data: { conversationId: C, assistantId: A, reason: 'timeout', endedAt: at } },
    ] as ConversationsEvent[]);
    expect(doc).toEqual({ conversationId: C, assistantId: A, startedAt: null, endedAt: at, endReason: 'timeout' });
  });
});

describe('assistant catalog', () => {
  const profile = {
    name: 'Helper',
    slug: 'helper',
    description: null,
    type: 'support' as const,
    tags: [],
    specialty: null,
    persona: {},
    configuration: { model: 'm', temperature: 0.5, maxTokens: 10, contextWindowTokens: 100, topP: 1 },
  };
  const created: AssistantsEvent = {
    type: 'AssistantCreated',
    data: { ...profile, assistantId: A, ownerId: 'team-a', createdAt: at },
  };

  it('keeps owner, name, type and status through the lifecycle', () => {
    const entry = fold(evolveAssistantCatalog, [
      created,
      { type: 'AssistantUpdated', data: { assistantId: A, changes: { name: 'Renamed' }, updatedAt: at } },
      { type: 'AssistantActivated', data: { assistantId: A, from: 'draft', at } },
    ] as AssistantsEvent[]) as AssistantCatalogEntry;
    expect(entry).toMatchObject({ ownerId: 'team-a', name: 'Renamed', type: 'support', status: 'active' });
    const archived = evolveAssistantCatalog(entry, {
      type: 'AssistantArchived',
      data: { assistantId: A, from: 'active', at },
    });
    expect(archived).toMatchObject({ status: 'archived', archivedAt: at });
  });

  it('takes the owner of a clone from its own event', () => {
    const clone = fold(evolveAssistantCatalog, [
      {
        type: 'AssistantCloned',
        data: { ...profile, assistantId: 'b', ownerId: 'team-b', createdAt: at, parentId: A, parentVersion: 1 },
      },
    ] as AssistantsEvent[]);
    expect(clone).toMatchObject({ assistantId: 'b', ownerId: 'team-b', status: 'draft' });
  });
});

describe('reported usage', () => {
  it('adds usage reported through the assistants API apart from observed usage', () => {
    const usage: AssistantsEvent = {
      type: 'AssistantUsageRecorded',
      data: {
        assistantId: A,
        conversations: 2,
        messages: 8,
        tokens: 300,
        responseTimeMs: 100,
        responseTimeSamples: 4,
        satisfaction: null,
        at,
      },
    };
    const doc = fold(evolveUsageActivity, [usage, usage])!;
    expect(doc.reported).toEqual({ conversations: 4, messages: 16, tokens: 600 });
    expect(doc.messages.assistant).toBe(0);
  });
});

describe('deployment activity', () => {
  const started = (kind: 'deploy' | 'promotion' | 'rollback'): DeploymentEvent => ({
    type: 'DeploymentStarted',
    data: {
      deploymentId: `d-${kind}`,
      assistantId: A,
      ownerId: 'o',
      environment: 'production',
      kind,
      status: 'pending',
      assistantVersion: 1,
      snapshot: {},
      resources: {},
      previousDeploymentId: null,
      promotedFromDeploymentId: null,
      rolledBackDeploymentId: null,
      notes: null,
      createdBy: 'admin',
      at,
    },
  });
  const status = (to: string): DeploymentEvent => ({
    type: 'DeploymentStatusChanged',
    data: { deploymentId: 'd', assistantId: A, environment: 'production', from: 'pending', to, reason: null, at },
  });

  it('counts deployments, failures, rollbacks and promotions; scaling changes nothing', () => {
    const doc = fold<HourlyActivity, DeploymentEvent>(evolveDeploymentActivity, [
      started('deploy'),
      status('running'),
      status('failed'),
      started('promotion'),
      started('rollback'),
    ])!;
    expect(doc).toMatchObject({ deployments: 3, deploymentsFailed: 1, rollbacks: 1, promotions: 1 });
    const scaled: DeploymentEvent = {
      type: 'DeploymentScaled',
      data: { deploymentId: 'd', assistantId: A, environment: 'production', resources: {}, at },
    };
    expect(evolveDeploymentActivity(doc, scaled)).toBe(doc);
  });
});
