import { deciderSpec } from '@platform/testing';
import type { AssistantCommand } from './assistant.commands';
import { decide } from './assistant.decide';
import { AssistantArchivedError, PrimaryPromptExistsError, PromptAlreadyLinkedError, PromptLinkNotFoundError } from './assistant.errors';
import type { AssistantEvent, PromptLink } from './assistant.events';
import { DEFAULT_CONFIGURATION, evolve, fold, initialState, type AssistantState } from './assistant.state';

const spec = deciderSpec<AssistantCommand, AssistantEvent, AssistantState>({ decide, evolve, initialState });
const id = 'a1';
const t0 = '2026-01-01T00:00:00.000Z';
const created: AssistantEvent = {
  type: 'AssistantCreated',
  data: {
    assistantId: id, ownerId: 'admin', createdAt: t0, name: 'A', slug: 'a', description: null, type: 'general',
    tags: [], specialty: null, persona: {}, configuration: { ...DEFAULT_CONFIGURATION },
  },
};
const link = (promptId: string, role: PromptLink['role'], extra: Partial<PromptLink> = {}): PromptLink => ({
  promptId, role, priority: 50, conditions: [], pin: { label: 'latest' }, linkedAt: t0, ...extra,
});
const linked = (l: PromptLink): AssistantEvent => ({ type: 'AssistantPromptLinked', data: { assistantId: id, link: l } });
const linkCmd = (l: PromptLink): AssistantCommand => {
  const { linkedAt: _t, ...data } = l;
  return { type: 'LinkPrompt', assistantId: id, now: t0, data };
};

describe('Assistant prompt links', () => {
  it('links a prompt, following latest by default', () => {
    spec.given([created]).when(linkCmd(link('p1', 'primary'))).then([linked(link('p1', 'primary'))]);
    const state = fold([created, linked(link('p1', 'primary'))]);
    expect(state.kind === 'existing' && state.assistant.promptLinks).toEqual([link('p1', 'primary')]);
  });

  it('allows at most one primary', () => {
    spec.given([created, linked(link('p1', 'primary'))]).when(linkCmd(link('p2', 'primary'))).thenThrows(PrimaryPromptExistsError);
    spec.given([created, linked(link('p1', 'primary'))]).when(linkCmd(link('p2', 'fallback'))).then([linked(link('p2', 'fallback'))]);
  });

  it('refuses promoting a second link to primary, but lets the primary stay primary', () => {
    const given = [created, linked(link('p1', 'primary')), linked(link('p2', 'secondary'))];
    spec.given(given).when({ type: 'UpdatePromptLink', assistantId: id, now: t0, data: { promptId: 'p2', role: 'primary' } }).thenThrows(PrimaryPromptExistsError);
    spec.given(given).when({ type: 'UpdatePromptLink', assistantId: id, now: t0, data: { promptId: 'p1', role: 'primary' } }).thenNothingHappens();
  });

  it('updates priority, conditions and pin, recording the whole link', () => {
    const events = spec
      .given([created, linked(link('p1', 'secondary'))])
      .when({ type: 'UpdatePromptLink', assistantId: id, now: '2026-02-01T00:00:00.000Z', data: { promptId: 'p1', priority: 90, pin: { version: 2 } } })
      .events();
    expect(events).toEqual([
      { type: 'AssistantPromptLinkUpdated', data: { assistantId: id, at: '2026-02-01T00:00:00.000Z', link: link('p1', 'secondary', { priority: 90, pin: { version: 2 } }) } },
    ]);
  });

  it('refuses linking the same prompt twice and changing or removing a link that does not exist', () => {
    spec.given([created, linked(link('p1', 'secondary'))]).when(linkCmd(link('p1', 'fallback'))).thenThrows(PromptAlreadyLinkedError);
    spec.given([created]).when({ type: 'UnlinkPrompt', assistantId: id, now: t0, data: { promptId: 'p9' } }).thenThrows(PromptLinkNotFoundError);
    spec.given([created]).when({ type: 'UpdatePromptLink', assistantId: id, now: t0, data: { promptId: 'p9', priority: 1 } }).thenThrows(PromptLinkNotFoundError);
  });

  it('unlinks, and refuses any link change on an archived assistant while keeping its links', () => {
    spec
      .given([created, linked(link('p1', 'secondary'))])
      .when({ type: 'UnlinkPrompt', assistantId: id, now: t0, data: { promptId: 'p1' } })
      .then([{ type: 'AssistantPromptUnlinked', data: { assistantId: id, promptId: 'p1', at: t0 } }]);
    const archived: AssistantEvent = { type: 'AssistantArchived', data: { assistantId: id, from: 'draft', at: t0 } };
    const given = [created, linked(link('p1', 'secondary')), archived];
    spec.given(given).when(linkCmd(link('p2', 'fallback'))).thenThrows(AssistantArchivedError);
    spec.given(given).when({ type: 'UnlinkPrompt', assistantId: id, now: t0, data: { promptId: 'p1' } }).thenThrows(AssistantArchivedError);
    const state = fold(given);
    expect(state.kind === 'existing' && state.assistant.promptLinks.map((l) => l.promptId)).toEqual(['p1']);
  });
});
