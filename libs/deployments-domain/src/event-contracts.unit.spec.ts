import { deploymentsEventContracts, type DeploymentSnapshot, type EventContract } from '@platform/contracts';
import { deciderSpec } from '@platform/testing';
import type { DeploymentCommand } from './deployment/deployment.commands';
import { deploymentDecider, type decide } from './deployment/deployment.decide';
import type { DeploymentEvent } from './deployment/deployment.state';

// Every event the decider can emit must be published, and must match its published schema: the contracts are what
// other services (analytics) read, and the strict schemas refuse a field the contract does not declare.

type Emitted = ReturnType<typeof decide>[number]['type'];
type Published = keyof typeof deploymentsEventContracts.events;
const everyEmittedTypeIsPublished: [Exclude<Emitted, Published>] extends [never] ? true : false = true;
const everyPublishedTypeIsEmitted: [Exclude<Published, Emitted>] extends [never] ? true : false = true;

const A = '0190a000-0000-7000-8000-00000000000a';
const id = (n: number) => `0190a000-0000-7000-8000-${String(n).padStart(12, '0')}`;
const at = (s: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, s)).toISOString();
const snapshot: DeploymentSnapshot = {
  assistantVersion: 2,
  name: 'Support Bot',
  persona: {
    tone: 'warm',
    traits: [{ name: 'patience', category: 'personality', value: 90, weight: 5 }],
    behaviorRules: [{ condition: 'angry customer', action: 'apologise', priority: 90, mandatory: true }],
  },
  configuration: { model: 'gpt-4o-mini', temperature: 0.7, maxTokens: 1024, contextWindowTokens: 8192, topP: 1 },
  prompts: [
    {
      promptId: id(50),
      promptName: 'Greeting',
      role: 'primary',
      priority: 0,
      conditions: [
        { variable: 'lang', operator: 'eq', value: 'en' },
        { variable: 'tier', operator: 'in', value: ['gold', 'silver'] },
        { variable: 'vip', operator: 'exists' },
      ],
      version: 3,
    },
  ],
  systemPrompt: { text: 'Be warm.', tokenCount: 3, encoding: 'o200k_base' },
};
const stamp = (s: number) => ({ now: at(s), actorId: 'ops' });

const commands: DeploymentCommand[] = [
  {
    ...stamp(1),
    type: 'StartDeployment',
    deploymentId: id(1),
    assistantId: A,
    ownerId: 'team-a',
    environment: 'development',
    kind: 'deploy',
    manual: false,
    snapshot,
    resources: { replicas: 2 },
    promotedFromDeploymentId: null,
    notes: 'first',
    readiness: {
      environment: 'development',
      assistantVersion: 2,
      assistantStatus: 'active',
      configuration: snapshot.configuration,
      systemPrompt: { composes: true },
      gateVersion: null,
    },
  },
  { ...stamp(2), type: 'ScaleDeployment', assistantId: A, environment: 'development', resources: { cpu: '2' } },
  {
    ...stamp(3),
    type: 'StartDeployment',
    deploymentId: id(2),
    assistantId: A,
    ownerId: 'team-a',
    environment: 'development',
    kind: 'deploy',
    manual: true,
    snapshot,
    resources: {},
    promotedFromDeploymentId: null,
    notes: null,
    readiness: {
      environment: 'development',
      assistantVersion: 2,
      assistantStatus: 'active',
      configuration: snapshot.configuration,
      systemPrompt: { composes: true },
      gateVersion: null,
    },
  },
  { ...stamp(4), type: 'ReportDeploymentStatus', deploymentId: id(2), status: 'deploying', reason: null },
  { ...stamp(5), type: 'ReportDeploymentStatus', deploymentId: id(2), status: 'active', reason: 'healthy' },
  {
    ...stamp(6),
    type: 'RollBackDeployment',
    deploymentId: id(3),
    environment: 'development',
    toDeploymentId: null,
    notes: null,
  },
  { ...stamp(7), type: 'RetireDeployments', reason: 'The assistant was archived' },
];

const spec = deciderSpec(deploymentDecider);
const events = commands.reduce<DeploymentEvent[]>(
  (history, command) => [...history, ...spec.given(history).when(command).events()],
  [],
);

describe('deployment events against their published contracts', () => {
  it('publishes every type the decider emits, and nothing it does not', () => {
    expect([everyEmittedTypeIsPublished, everyPublishedTypeIsEmitted]).toEqual([true, true]);
    expect(new Set(events.map((e) => e.type))).toEqual(new Set(deploymentsEventContracts.types));
  });

  it.each(events.map((e, i) => [`${i} ${e.type}`, e] as const))('%s matches its schema', (_, event) => {
    const contract: EventContract = deploymentsEventContracts.events[event.type];
    const result = contract.schema.safeParse(event.data);
    expect(result.error?.issues ?? []).toEqual([]);
  });

  it('covers each status change the workflow makes', () => {
    const changes = events.flatMap((e) =>
      e.type === 'DeploymentStatusChanged' ? [`${e.data.from}>${e.data.to}`] : [],
    );
    expect(changes).toEqual([
      'pending>deploying',
      'deploying>active',
      'active>superseded',
      'active>rolled_back',
      'active>retired',
    ]);
  });
});
