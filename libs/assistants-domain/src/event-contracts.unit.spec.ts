import { assistantsEventContracts, type EventContract } from '@platform/contracts';
import { deciderSpec, type Decider } from '@platform/testing';
import type { AssistantCommand } from './assistant/assistant.commands';
import { decide } from './assistant/assistant.decide';
import type { AssistantEvent } from './assistant/assistant.events';
import { evolve, fold, initialState, type AssistantState } from './assistant/assistant.state';
import type { PromptCommand } from './prompt/prompt.commands';
import { decidePrompt } from './prompt/prompt.decide';
import type { PromptEvent } from './prompt/prompt.events';
import { evolvePrompt, initialPromptState, type PromptState } from './prompt/prompt.state';

// Every event a decider can emit must be published, and must match its published schema: the contracts are what
// other services read, and the strict schemas refuse a field the contract does not declare.

type Emitted = ReturnType<typeof decide>[number]['type'] | ReturnType<typeof decidePrompt>[number]['type'];
type Published = keyof typeof assistantsEventContracts.events;
const everyEmittedTypeIsPublished: [Exclude<Emitted, Published>] extends [never] ? true : false = true;
const everyPublishedTypeIsEmitted: [Exclude<Published, Emitted>] extends [never] ? true : false = true;

const assistantId = '0190a000-0000-7000-8000-00000000000a';
const cloneId = '0190a000-0000-7000-8000-00000000000b';
const promptId = '0190a000-0000-7000-8000-00000000000c';
const at = (day: number) => `2026-01-${String(day).padStart(2, '0')}T00:00:00.000Z`;

/** Decides each command against the state the events before it fold into, Given/When style. */
function play<C, E, S>(decider: Decider<C, E, S>, commands: C[]): E[] {
  const spec = deciderSpec(decider);
  return commands.reduce<E[]>((history, command) => [...history, ...spec.given(history).when(command).events()], []);
}

const a = (day: number) => ({ assistantId, now: at(day) });
const assistantEvents = play<AssistantCommand, AssistantEvent, AssistantState>({ decide, evolve, initialState }, [
  {
    ...a(1),
    type: 'CreateAssistant',
    data: {
      name: 'Support Bot',
      slug: 'support',
      description: 'Answers customers',
      type: 'support',
      tags: ['help'],
      specialty: 'billing',
      ownerId: 'admin',
      persona: {
        personality: 'calm',
        tone: 'warm',
        traits: [{ name: 'patience', category: 'personality', value: 90, weight: 5 }],
        responseStyle: { type: 'empathetic', formality: 4, verbosity: 6 },
        knowledgeDomains: [{ name: 'Billing', expertiseLevel: 8, topics: ['refunds'], keywords: ['invoice'] }],
        behaviorRules: [{ condition: 'angry customer', action: 'apologise', priority: 90, mandatory: true }],
      },
      configuration: { temperature: 0.3 },
    },
  },
  {
    ...a(2),
    type: 'UpdateAssistant',
    data: {
      name: 'Billing Bot',
      description: null,
      specialty: null,
      tags: ['billing'],
      persona: { tone: 'brisk' },
      configuration: { maxTokens: 2048 },
      status: 'active',
    },
  },
  {
    ...a(3),
    type: 'RecordAssistantUsage',
    data: { conversations: 2, messages: 9, tokens: 900, responseTimeMs: 120, satisfaction: 4 },
  },
  { ...a(3), type: 'RecordAssistantUsage', data: { tokens: 10 } },
  {
    ...a(4),
    type: 'LinkPrompt',
    data: {
      promptId,
      role: 'primary',
      priority: 80,
      pin: { label: 'production' },
      conditions: [
        { variable: 'tier', operator: 'exists' },
        { variable: 'tier', operator: 'eq', value: 'gold' },
        { variable: 'region', operator: 'in', value: ['eu', 'us'] },
        { variable: 'age', operator: 'gt', value: 18 },
      ],
    },
  },
  { ...a(5), type: 'UpdatePromptLink', data: { promptId, priority: 10, pin: { version: 2 } } },
  { ...a(6), type: 'UnlinkPrompt', data: { promptId } },
  { ...a(7), type: 'UpdateAssistant', data: { status: 'inactive' } },
  { ...a(8), type: 'ArchiveAssistant' },
]);
const source = fold(assistantEvents);
const cloned =
  source.kind === 'existing'
    ? decide(
        { type: 'CloneAssistant', assistantId: cloneId, now: at(9), data: { source: source.assistant, ownerId: 'u2' } },
        initialState,
      )
    : [];

const p = (day: number) => ({ promptId, now: at(day), actorId: 'editor' });
const promptEvents = play<PromptCommand, PromptEvent, PromptState>(
  { decide: decidePrompt, evolve: evolvePrompt, initialState: initialPromptState },
  [
    {
      ...p(1),
      type: 'CreatePrompt',
      ownerId: 'team-a',
      data: {
        name: 'Greeting',
        description: 'Opens a conversation',
        tags: ['support'],
        template: 'Hello {{customer}}, I am {{agent}}.',
        variables: [{ name: 'agent', required: false, default: 'Ava', description: 'who answers' }],
      },
    },
    { ...p(2), type: 'RevisePrompt', data: { template: 'Hi {{customer}}, {{agent}} here.' } },
    { ...p(3), type: 'MovePromptLabel', data: { label: 'production', version: 1 } },
    { ...p(4), type: 'MovePromptLabel', data: { label: 'production', version: 2 } },
    { ...p(5), type: 'RemovePromptLabel', data: { label: 'production' } },
  ],
);

const produced: (AssistantEvent | PromptEvent)[] = [...assistantEvents, ...cloned, ...promptEvents];
const contractOf = (type: Published): EventContract => assistantsEventContracts.events[type];

describe('event contracts of the assistants deciders', () => {
  it('publish every event type the deciders emit, and the scenarios below emit them all', () => {
    expect(everyEmittedTypeIsPublished && everyPublishedTypeIsEmitted).toBe(true);
    expect(new Set(produced.map((e) => e.type))).toEqual(new Set(assistantsEventContracts.types));
  });

  it.each(produced.map((e, i) => [`${i + 1}. ${e.type}`, e] as const))('%s matches its contract', (_, event) => {
    const result = contractOf(event.type).schema.safeParse(event.data);
    expect(result.error?.issues ?? []).toEqual([]);
  });

  it.each(produced.map((e) => [e.type, e] as const))('%s with an undeclared field fails its contract', (_, event) => {
    expect(contractOf(event.type).schema.safeParse({ ...event.data, undeclared: true }).success).toBe(false);
  });
});
