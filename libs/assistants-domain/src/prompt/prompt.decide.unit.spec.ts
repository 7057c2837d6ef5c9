import { deciderSpec } from '@platform/testing';
import type { PromptCommand } from './prompt.commands';
import { decidePrompt } from './prompt.decide';
import {
  InvalidPromptError,
  InvalidTemplateError,
  PromptAlreadyExistsError,
  PromptLabelNotFoundError,
  PromptNotFoundError,
  PromptVersionNotFoundError,
  ReservedLabelError,
} from './prompt.errors';
import type { PromptCreated, PromptEvent, PromptRevised } from './prompt.events';
import { evolvePrompt, foldPrompt, initialPromptState, type PromptState } from './prompt.state';

const spec = deciderSpec<PromptCommand, PromptEvent, PromptState>({
  decide: decidePrompt,
  evolve: evolvePrompt,
  initialState: initialPromptState,
});
const promptId = '0190a000-0000-7000-8000-0000000000p1';
const t0 = '2026-01-01T00:00:00.000Z';
const t1 = '2026-01-02T00:00:00.000Z';
const base = { promptId, now: t1, actorId: 'editor' };

const created: PromptCreated = {
  type: 'PromptCreated',
  data: {
    promptId,
    version: 1,
    createdAt: t0,
    ownerId: 'team-a',
    name: 'Support greeting',
    description: null,
    tags: ['support'],
    template: 'Hello {{customer}}, I am {{agent}}. {{#if vip}}Priority line: {{hotline}}{{/if}}',
    variables: [
      { name: 'agent', required: true, default: 'Ava' },
      { name: 'customer', required: true },
      { name: 'vip', required: true },
      { name: 'hotline', required: true },
    ],
  },
};
const revised = (version: number, changes: Partial<PromptRevised['data']>): PromptRevised => {
  const { createdAt: _c, ownerId: _o, ...content } = created.data;
  return { type: 'PromptRevised', data: { ...content, ...changes, version, revisedAt: t1 } };
};
const revise = (data: Extract<PromptCommand, { type: 'RevisePrompt' }>['data']): PromptCommand => ({
  ...base,
  type: 'RevisePrompt',
  data,
});
const move = (label: string, version: number): PromptCommand => ({
  ...base,
  type: 'MovePromptLabel',
  data: { label, version },
});
const remove = (label: string): PromptCommand => ({ ...base, type: 'RemovePromptLabel', data: { label } });
const prompt = (state: PromptState) => (state.kind === 'existing' ? state.prompt : null);

describe('Prompt decider', () => {
  describe('CreatePrompt', () => {
    const create: PromptCommand = {
      ...base,
      now: t0,
      type: 'CreatePrompt',
      ownerId: 'team-a',
      data: {
        name: '  Support greeting ',
        tags: ['support', ' support'],
        template: created.data.template,
        variables: [
          { default: 'Ava', required: true, name: 'agent' },
          { name: 'customer', required: true },
        ],
      },
    };

    it('creates version 1 declaring every variable the template uses: declared first, then the rest in order of use', () => {
      spec.given([]).when(create).then([created]);
    });

    it('folds into a prompt at version 1, labelled latest', () => {
      expect(prompt(foldPrompt([created]))).toEqual({
        id: promptId,
        ownerId: 'team-a',
        name: 'Support greeting',
        description: null,
        tags: ['support'],
        template: created.data.template,
        variables: created.data.variables,
        latestVersion: 1,
        labels: { latest: 1 },
        revision: 1,
        createdAt: t0,
        updatedAt: t0,
      });
    });

    it('refuses to create twice', () => {
      spec.given([created]).when(create).thenThrows(PromptAlreadyExistsError);
    });

    it('refuses a template that does not parse, naming the position', () => {
      const bad = { ...create, data: { ...create.data, template: 'Hi\nthere {{name' } } as PromptCommand;
      spec.given([]).when(bad).thenThrows(InvalidTemplateError, 'line 2, column 9');
    });

    it('refuses a variable declared twice', () => {
      const twice = {
        ...create,
        data: { ...create.data, variables: [...create.data.variables, { name: 'agent', required: false }] },
      };
      spec
        .given([])
        .when(twice as PromptCommand)
        .thenThrows(InvalidPromptError, 'variable "agent" is declared twice');
    });
  });

  describe('RevisePrompt', () => {
    it('makes version 2 as a full snapshot and moves latest to it', () => {
      const event = revised(2, { name: 'Greeting' });
      spec
        .given([created])
        .when(revise({ name: 'Greeting' }))
        .then([event]);
      expect(prompt(foldPrompt([created, event]))).toMatchObject({
        name: 'Greeting',
        template: created.data.template,
        latestVersion: 2,
        labels: { latest: 2 },
        revision: 2,
        updatedAt: t1,
      });
    });

    it('changes nothing when nothing really changes', () => {
      spec
        .given([created])
        .when(revise({ name: ' Support greeting ', tags: ['support'], description: null }))
        .thenNothingHappens();
    });

    it('with a new template only: keeps declarations someone wrote, drops bare ones no longer used, adds new ones', () => {
      const [event] = spec
        .given([created])
        .when(revise({ template: 'Hi {{customer}}, about {{topic}}.' }))
        .events();
      expect((event as PromptRevised).data.variables).toEqual([
        { name: 'agent', required: true, default: 'Ava' },
        { name: 'customer', required: true },
        { name: 'topic', required: true },
      ]);
    });

    it('with new variables: uses them as given and still adds what the template uses', () => {
      const [event] = spec
        .given([created])
        .when(revise({ variables: [{ name: 'vip', required: false, default: false }] }))
        .events();
      expect((event as PromptRevised).data.variables.map((v) => v.name)).toEqual([
        'vip',
        'customer',
        'agent',
        'hotline',
      ]);
    });

    it('refuses a prompt that does not exist', () => {
      spec
        .given([])
        .when(revise({ name: 'x' }))
        .thenThrows(PromptNotFoundError);
    });
  });

  describe('labels', () => {
    const v2 = revised(2, { tags: ['support', 'v2'] });
    const moved = (label: string, version: number, previousVersion: number | null): PromptEvent => ({
      type: 'PromptLabelMoved',
      data: { promptId, label, version, previousVersion, at: t1 },
    });

    it('sets a new label, then moves it, recording where it was', () => {
      spec
        .given([created, v2])
        .when(move('production', 1))
        .then([moved('production', 1, null)]);
      spec
        .given([created, v2, moved('production', 1, null)])
        .when(move('production', 2))
        .then([moved('production', 2, 1)]);
      const state = foldPrompt([created, v2, moved('production', 1, null), moved('production', 2, 1)]);
      expect(prompt(state)?.labels).toEqual({ latest: 2, production: 2 });
      expect(prompt(state)?.revision).toBe(4);
    });

    it('changes nothing when the label already points there', () => {
      spec
        .given([created, v2, moved('production', 1, null)])
        .when(move('production', 1))
        .thenNothingHappens();
    });

    it('refuses versions that do not exist', () => {
      spec.given([created, v2]).when(move('production', 3)).thenThrows(PromptVersionNotFoundError, 'no version 3');
      spec.given([created, v2]).when(move('production', 0)).thenThrows(PromptVersionNotFoundError);
    });

    it('refuses to move or remove latest', () => {
      spec.given([created, v2]).when(move('latest', 1)).thenThrows(ReservedLabelError);
      spec.given([created, v2]).when(remove('latest')).thenThrows(ReservedLabelError);
    });

    it('refuses a label that is not a label', () => {
      spec.given([created]).when(move('__proto__', 1)).thenThrows(InvalidPromptError);
    });

    it('removes a label, recording the version it pointed to', () => {
      const given = [created, v2, moved('staging', 2, null)];
      spec
        .given(given)
        .when(remove('staging'))
        .then([{ type: 'PromptLabelRemoved', data: { promptId, label: 'staging', version: 2, at: t1 } }]);
      const state = foldPrompt([
        ...given,
        { type: 'PromptLabelRemoved', data: { promptId, label: 'staging', version: 2, at: t1 } },
      ]);
      expect(prompt(state)?.labels).toEqual({ latest: 2 });
    });

    it('refuses to remove a label that is not set, including names Object has', () => {
      spec.given([created]).when(remove('staging')).thenThrows(PromptLabelNotFoundError, 'no label "staging"');
      spec.given([created]).when(remove('constructor')).thenThrows(PromptLabelNotFoundError);
    });

    it('refuses label commands on a prompt that does not exist', () => {
      spec.given([]).when(move('production', 1)).thenThrows(PromptNotFoundError);
      spec.given([]).when(remove('production')).thenThrows(PromptNotFoundError);
    });
  });
});
