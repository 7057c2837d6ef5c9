import type { AssistantStatus } from '@platform/contracts';
import { deciderSpec } from '@platform/testing';
import type { AssistantCommand } from './assistant.commands';
import { decide } from './assistant.decide';
import {
  AssistantAlreadyExistsError,
  AssistantArchivedError,
  AssistantNotFoundError,
  IllegalStatusTransitionError,
  InvalidAssistantError,
} from './assistant.errors';
import type { AssistantCreated, AssistantEvent } from './assistant.events';
import { DEFAULT_CONFIGURATION, evolve, fold, initialState, type AssistantState } from './assistant.state';

const spec = deciderSpec<AssistantCommand, AssistantEvent, AssistantState>({ decide, evolve, initialState });
const id = '0190a000-0000-7000-8000-000000000001';
const t0 = '2026-01-01T00:00:00.000Z';
const t1 = '2026-01-02T00:00:00.000Z';

const created: AssistantCreated = {
  type: 'AssistantCreated',
  data: {
    assistantId: id,
    ownerId: 'admin',
    createdAt: t0,
    name: 'Support Bot',
    slug: 'support-bot',
    description: null,
    type: 'support',
    tags: ['help'],
    specialty: null,
    persona: { tone: 'warm' },
    configuration: { ...DEFAULT_CONFIGURATION },
  },
};
const statusEventFor: Record<Exclude<AssistantStatus, 'draft'>, AssistantEvent['type']> = {
  active: 'AssistantActivated',
  inactive: 'AssistantDeactivated',
  archived: 'AssistantArchived',
};
const historyTo: Record<AssistantStatus, AssistantEvent[]> = {
  draft: [created],
  active: [created, { type: 'AssistantActivated', data: { assistantId: id, from: 'draft', at: t0 } }],
  inactive: [
    created,
    { type: 'AssistantActivated', data: { assistantId: id, from: 'draft', at: t0 } },
    { type: 'AssistantDeactivated', data: { assistantId: id, from: 'active', at: t0 } },
  ],
  archived: [created, { type: 'AssistantArchived', data: { assistantId: id, from: 'draft', at: t0 } }],
};
const setStatus = (status: AssistantStatus): AssistantCommand => ({
  type: 'UpdateAssistant',
  assistantId: id,
  now: t1,
  data: { status },
});

describe('Assistant decider', () => {
  describe('CreateAssistant', () => {
    const create: AssistantCommand = {
      type: 'CreateAssistant',
      assistantId: id,
      now: t0,
      data: { name: '  Support Bot ', type: 'support', tags: ['help', 'help'], persona: { tone: 'warm' }, ownerId: 'admin' },
    };
    it('creates a draft with a slug derived from the name and default configuration', () => {
      spec.given([]).when(create).then([created]);
      const state = fold([created]);
      expect(state.kind === 'existing' && state.assistant).toMatchObject({ status: 'draft', version: 1, parentId: null });
    });
    it('refuses to create twice', () => {
      spec.given([created]).when(create).thenThrows(AssistantAlreadyExistsError);
    });
    it('merges configuration over the defaults', () => {
      const [event] = spec
        .given([])
        .when({ ...create, data: { ...create.data, configuration: { temperature: 0.1 } } } as AssistantCommand)
        .events();
      expect((event as AssistantCreated).data.configuration).toEqual({ ...DEFAULT_CONFIGURATION, temperature: 0.1 });
    });
  });

  describe('lifecycle', () => {
    const allowed: [AssistantStatus, AssistantStatus][] = [
      ['draft', 'active'],
      ['draft', 'archived'],
      ['active', 'inactive'],
      ['active', 'archived'],
      ['inactive', 'active'],
      ['inactive', 'archived'],
    ];
    it.each(allowed)('allows %s → %s', (from, to) => {
      const [event] = spec.given(historyTo[from]).when(setStatus(to)).events();
      expect(event).toEqual({ type: statusEventFor[to as Exclude<AssistantStatus, 'draft'>], data: { assistantId: id, from, at: t1 } });
      const state = fold([...historyTo[from], event]);
      expect(state.kind === 'existing' && state.assistant.status).toBe(to);
    });

    const refused: [AssistantStatus, AssistantStatus][] = [
      ['draft', 'inactive'],
      ['active', 'draft'],
      ['inactive', 'draft'],
    ];
    it.each(refused)('refuses %s → %s', (from, to) => {
      spec.given(historyTo[from]).when(setStatus(to)).thenThrows(IllegalStatusTransitionError, `from ${from} to ${to}`);
    });

    it.each(['draft', 'active', 'inactive'] as AssistantStatus[])('refuses archived → %s (archived is final)', (to) => {
      spec.given(historyTo.archived).when(setStatus(to)).thenThrows(AssistantArchivedError);
    });

    it('treats the same status as no change', () => {
      spec.given(historyTo.active).when(setStatus('active')).thenNothingHappens();
    });

    it('archives through ArchiveAssistant, and archiving twice changes nothing', () => {
      spec
        .given(historyTo.inactive)
        .when({ type: 'ArchiveAssistant', assistantId: id, now: t1 })
        .then([{ type: 'AssistantArchived', data: { assistantId: id, from: 'inactive', at: t1 } }]);
      spec.given(historyTo.archived).when({ type: 'ArchiveAssistant', assistantId: id, now: t1 }).thenNothingHappens();
    });

    it('refuses commands on an assistant that does not exist', () => {
      spec.given([]).when(setStatus('active')).thenThrows(AssistantNotFoundError);
    });

    it('refuses an illegal transition even when other fields change, so nothing is half-applied', () => {
      spec
        .given(historyTo.draft)
        .when({ type: 'UpdateAssistant', assistantId: id, now: t1, data: { name: 'New', status: 'inactive' } })
        .thenThrows(IllegalStatusTransitionError);
    });
  });

  describe('UpdateAssistant', () => {
    it('records only what changed, merging persona and configuration one level deep', () => {
      const events = spec
        .given([created])
        .when({
          type: 'UpdateAssistant',
          assistantId: id,
          now: t1,
          data: { name: 'Support Bot', description: 'Helps', persona: { tone: 'warm', personality: 'calm' }, configuration: { topP: 0.5 } },
        })
        .events();
      expect(events).toEqual([
        { type: 'AssistantUpdated', data: { assistantId: id, updatedAt: t1, changes: { description: 'Helps', persona: { personality: 'calm' }, configuration: { topP: 0.5 } } } },
      ]);
      const state = fold([created, ...events]);
      expect(state.kind === 'existing' && state.assistant).toMatchObject({
        version: 2,
        updatedAt: t1,
        persona: { tone: 'warm', personality: 'calm' },
        configuration: { ...DEFAULT_CONFIGURATION, topP: 0.5 },
      });
    });
    it('changes fields and status together in one decision', () => {
      const events = spec.given([created]).when({ type: 'UpdateAssistant', assistantId: id, now: t1, data: { tags: ['a'], status: 'active' } }).events();
      expect(events.map((e) => e.type)).toEqual(['AssistantUpdated', 'AssistantActivated']);
    });
  });

  describe('CloneAssistant', () => {
    it('copies type, tags, persona and configuration into a new draft with parentId', () => {
      const source = fold([...historyTo.archived]);
      if (source.kind !== 'existing') throw new Error('setup');
      const [event] = spec
        .given([])
        .when({ type: 'CloneAssistant', assistantId: 'clone-id', now: t1, data: { source: source.assistant, ownerId: 'u2' } })
        .events();
      expect(event).toMatchObject({
        type: 'AssistantCloned',
        data: { assistantId: 'clone-id', parentId: id, parentVersion: 2, name: 'Support Bot (copy)', slug: 'support-bot-copy', type: 'support', tags: ['help'], persona: { tone: 'warm' } },
      });
      const state = fold([event]);
      expect(state.kind === 'existing' && state.assistant).toMatchObject({ status: 'draft', version: 1, parentId: id, ownerId: 'u2' });
    });
  });

  describe('RecordAssistantUsage', () => {
    it('adds to the counters and keeps means of response time and satisfaction', () => {
      const usage = (data: object): AssistantCommand => ({ type: 'RecordAssistantUsage', assistantId: id, now: t1, data });
      const e1 = spec.given([created]).when(usage({ conversations: 1, messages: 4, tokens: 100, responseTimeMs: 200, satisfaction: 5 })).events();
      const e2 = spec.given([created, ...e1]).when(usage({ messages: 1, responseTimeMs: 700, satisfaction: 2 })).events();
      const state = fold([created, ...e1, ...e2]);
      expect(state.kind === 'existing' && state.assistant.usage).toEqual({
        conversations: 1,
        messages: 5,
        tokens: 100,
        responseTimeTotalMs: 1500,
        responseTimeSamples: 5,
        ratingsTotal: 7,
        ratingsCount: 2,
      });
    });
    it('refuses negative figures', () => {
      spec
        .given([created])
        .when({ type: 'RecordAssistantUsage', assistantId: id, now: t1, data: { tokens: -1 } })
        .thenThrows(InvalidAssistantError);
    });
  });
});
