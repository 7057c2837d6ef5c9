import type { DeploymentSnapshot } from '@platform/contracts';
import { deciderSpec } from '@platform/testing';
import type { StartDeployment } from './deployment.commands';
import { decide, deploymentDecider } from './deployment.decide';
import {
  DeploymentInProgressError,
  DeploymentNotFoundError,
  IllegalStatusTransitionError,
  NoActiveDeploymentError,
  NothingToRollBackError,
  ReadinessChecksFailedError,
} from './deployment.errors';
import { emptySlot, evolveSlot, LIVE_SLOT_COMMANDS, liveOf, type DeploymentEvent, type Slot } from './deployment.state';

const spec = deciderSpec(deploymentDecider);
const A = '0190a000-0000-7000-8000-00000000000a';
const id = (n: number) => `0190a000-0000-7000-8000-${String(n).padStart(12, '0')}`;
const at = (s: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, s)).toISOString();

const snapshot = (assistantVersion = 3): DeploymentSnapshot => ({
  assistantVersion,
  name: 'Helper',
  persona: { tone: 'warm' },
  configuration: { model: 'gpt-4o-mini', temperature: 0.7, maxTokens: 1024, contextWindowTokens: 8192, topP: 1 },
  prompts: [],
  systemPrompt: { text: 'Be warm.', tokenCount: 3, encoding: 'o200k_base' },
});

const deploy = (n: number, extra: Partial<StartDeployment> = {}): StartDeployment => ({
  type: 'StartDeployment',
  deploymentId: id(n),
  now: at(n),
  actorId: 'ops',
  assistantId: A,
  ownerId: 'team-a',
  environment: 'development',
  kind: 'deploy',
  manual: false,
  snapshot: snapshot(),
  resources: {},
  promotedFromDeploymentId: null,
  notes: null,
  readiness: {
    environment: 'development',
    assistantVersion: 3,
    assistantStatus: 'active',
    configuration: snapshot().configuration,
    systemPrompt: { composes: true },
    gateVersion: null,
  },
  ...extra,
});

const started = (n: number, extra: Record<string, unknown> = {}): DeploymentEvent =>
  ({
    type: 'DeploymentStarted',
    data: {
      deploymentId: id(n),
      assistantId: A,
      ownerId: 'team-a',
      environment: 'development',
      kind: 'deploy',
      status: 'active',
      assistantVersion: 3,
      snapshot: snapshot(),
      resources: { replicas: 1, cpu: '250m', memory: '256Mi' },
      previousDeploymentId: null,
      promotedFromDeploymentId: null,
      rolledBackDeploymentId: null,
      notes: null,
      createdBy: 'ops',
      at: at(n),
      ...extra,
    },
  }) as DeploymentEvent;

const changed = (n: number, from: string, to: string, s: number, reason: string | null = null): DeploymentEvent =>
  ({
    type: 'DeploymentStatusChanged',
    data: { deploymentId: id(n), assistantId: A, environment: 'development', from, to, reason, at: at(s) },
  }) as DeploymentEvent;

describe('Deployment decider', () => {
  describe('StartDeployment', () => {
    it('goes active at once with the environment defaults when nothing ran before', () => {
      spec
        .given()
        .when(deploy(1))
        .then([started(1)]);
    });

    it('supersedes the active deployment in the same decision, keeping its resources', () => {
      spec
        .given([started(1, { resources: { replicas: 4, cpu: '1', memory: '1Gi' } })])
        .when(deploy(2, { resources: { replicas: 5 } }))
        .then([
          started(2, { previousDeploymentId: id(1), resources: { replicas: 5, cpu: '1', memory: '1Gi' } }),
          changed(1, 'active', 'superseded', 2, `Replaced by deployment ${id(2)}`),
        ]);
    });

    it('waits in pending when manual, leaving the active one serving', () => {
      spec
        .given([started(1)])
        .when(deploy(2, { manual: true }))
        .then([started(2, { status: 'pending', previousDeploymentId: id(1) })]);
    });

    it('refuses while another deployment is pending or deploying', () => {
      spec
        .given([started(1, { status: 'pending' })])
        .when(deploy(2))
        .thenThrows(DeploymentInProgressError, /still pending/);
      spec
        .given([started(1, { status: 'pending' }), changed(1, 'pending', 'deploying', 2)])
        .when(deploy(3))
        .thenThrows(DeploymentInProgressError, /still deploying/);
    });

    it('refuses with every failed readiness check, before anything else', () => {
      const command = deploy(2, {
        environment: 'production',
        readiness: {
          environment: 'production',
          assistantVersion: 3,
          assistantStatus: 'draft',
          configuration: { ...snapshot().configuration, model: '', topP: 0 },
          systemPrompt: { composes: false, missing: ['customer'] },
          gateVersion: 2,
        },
      });
      const run = () => deploymentDecider.decide(command, { deployments: [] });
      expect(run).toThrow(ReadinessChecksFailedError);
      try {
        run();
      } catch (err) {
        expect((err as ReadinessChecksFailedError).failures.map((f) => f.check)).toEqual([
          'assistant-active',
          'configuration',
          'configuration',
          'system-prompt',
          'previous-stage',
        ]);
      }
    });
  });

  describe('ReportDeploymentStatus', () => {
    const report = (n: number, status: 'deploying' | 'active' | 'failed' | 'retired', s: number, reason = null) => ({
      type: 'ReportDeploymentStatus' as const,
      deploymentId: id(n),
      now: at(s),
      actorId: 'orchestrator',
      status,
      reason,
    });

    it('moves pending → deploying → active, superseding what served before', () => {
      const history = [started(1), started(2, { status: 'pending', previousDeploymentId: id(1) })];
      spec
        .given(history)
        .when(report(2, 'deploying', 3))
        .then([changed(2, 'pending', 'deploying', 3)]);
      spec
        .given([...history, changed(2, 'pending', 'deploying', 3)])
        .when(report(2, 'active', 4))
        .then([
          changed(2, 'deploying', 'active', 4),
          changed(1, 'active', 'superseded', 4, `Replaced by deployment ${id(2)}`),
        ]);
    });

    it('fails a deployment and leaves the previous one active', () => {
      spec
        .given([started(1), started(2, { status: 'pending', previousDeploymentId: id(1) })])
        .when({ ...report(2, 'failed', 3), reason: 'crash loop' as never })
        .then([changed(2, 'pending', 'failed', 3, 'crash loop')]);
    });

    it.each([
      ['pending', 'active'],
      ['active', 'deploying'],
      ['active', 'failed'],
    ] as const)('refuses %s → %s', (from, to) => {
      const given = from === 'pending' ? [started(1, { status: 'pending' })] : [started(1)];
      spec
        .given(given)
        .when(report(1, to, 5))
        .thenThrows(IllegalStatusTransitionError);
    });

    it('refuses a deployment not in the slot', () => {
      spec
        .given([started(1)])
        .when(report(9, 'retired', 5))
        .thenThrows(DeploymentNotFoundError);
    });
  });

  describe('RollBackDeployment', () => {
    const rollback = (n: number, toDeploymentId: string | null = null) => ({
      type: 'RollBackDeployment' as const,
      deploymentId: id(n),
      now: at(n),
      actorId: 'ops',
      environment: 'development' as const,
      toDeploymentId,
      notes: null,
    });
    const two = [
      started(1, { resources: { replicas: 2, cpu: '250m', memory: '256Mi' } }),
      started(2, { previousDeploymentId: id(1), snapshot: snapshot(4), assistantVersion: 4 }),
      changed(1, 'active', 'superseded', 2),
    ];

    it("restores the replaced deployment's snapshot; the active one is rolled back", () => {
      spec
        .given(two)
        .when(rollback(3))
        .then([
          started(3, {
            kind: 'rollback',
            previousDeploymentId: id(2),
            rolledBackDeploymentId: id(2),
            resources: { replicas: 2, cpu: '250m', memory: '256Mi' },
            notes: `Rolled back to deployment ${id(1)}`,
          }),
          changed(2, 'active', 'rolled_back', 3, `Rolled back to deployment ${id(1)}`),
        ]);
    });

    it('refuses when nothing ran before, or the one named never ran', () => {
      spec
        .given([started(1)])
        .when(rollback(2))
        .thenThrows(NothingToRollBackError);
      spec.given().when(rollback(2)).thenThrows(NothingToRollBackError);
      const failed = [started(1), started(2, { status: 'pending' }), changed(2, 'pending', 'failed', 3)];
      spec
        .given(failed)
        .when(rollback(4, id(2)))
        .thenThrows(NothingToRollBackError, /never ran/);
    });
  });

  describe('ScaleDeployment', () => {
    const scale = (resources: object) => ({
      type: 'ScaleDeployment' as const,
      now: at(9),
      actorId: 'ops',
      assistantId: A,
      environment: 'development' as const,
      resources,
    });

    it('changes the active deployment’s resources, and nothing when they are the same', () => {
      spec
        .given([started(1)])
        .when(scale({ replicas: 7 }))
        .then([
          {
            type: 'DeploymentScaled',
            data: {
              deploymentId: id(1),
              assistantId: A,
              environment: 'development',
              resources: { replicas: 7, cpu: '250m', memory: '256Mi' },
              at: at(9),
            },
          },
        ]);
      spec
        .given([started(1)])
        .when(scale({ replicas: 1 }))
        .thenNothingHappens();
    });

    it('refuses without an active deployment', () => {
      spec
        .given()
        .when(scale({ replicas: 2 }))
        .thenThrows(NoActiveDeploymentError);
    });
  });

  describe('RetireDeployments', () => {
    it('retires what serves, fails what is on its way, and does nothing the second time', () => {
      const retire = { type: 'RetireDeployments' as const, now: at(9), actorId: 'system', reason: 'archived' };
      const given = [started(1), started(2, { status: 'pending', previousDeploymentId: id(1) })];
      spec
        .given(given)
        .when(retire)
        .then([changed(2, 'pending', 'failed', 9, 'archived'), changed(1, 'active', 'retired', 9, 'archived')]);
      spec
        .given([...given, changed(2, 'pending', 'failed', 9), changed(1, 'active', 'retired', 9)])
        .when(retire)
        .thenNothingHappens();
    });
  });

  describe('the live part of a slot', () => {
    const slotOf = (events: DeploymentEvent[]): Slot => events.reduce(evolveSlot, emptySlot);
    // Histories with superseded, failed and rolled-back deployments beside what serves or is on its way.
    const superseded = [started(1), started(2, { previousDeploymentId: id(1) }), changed(1, 'active', 'superseded', 2)];
    const histories: Record<string, DeploymentEvent[]> = {
      'one serving, one superseded': superseded,
      'one pending beside them': [...superseded, started(3, { status: 'pending', previousDeploymentId: id(2) })],
      'a failed one beside them': [
        ...superseded,
        started(3, { status: 'pending', previousDeploymentId: id(2) }),
        changed(3, 'pending', 'failed', 4),
      ],
      'nothing live, only history': [...superseded, changed(2, 'active', 'retired', 5)],
      'a rollback serving': [
        ...superseded,
        started(6, { kind: 'rollback', previousDeploymentId: id(2), rolledBackDeploymentId: id(2) }),
        changed(2, 'active', 'rolled_back', 6),
      ],
    };
    const commands = [
      deploy(10),
      deploy(11, { manual: true }),
      deploy(12, { resources: { replicas: 3 } }),
      {
        type: 'ScaleDeployment' as const,
        now: at(13),
        actorId: 'ops',
        assistantId: A,
        environment: 'development' as const,
        resources: { replicas: 4 },
      },
      { type: 'RetireDeployments' as const, now: at(14), actorId: 'system', reason: 'archived' },
    ];
    const outcome = (run: () => unknown) => {
      try {
        return run();
      } catch (err) {
        return { refused: (err as Error).name, message: (err as Error).message };
      }
    };

    it('is all that deploys, promotions, scaling and retiring decide over', () => {
      expect(new Set(commands.map((c) => c.type))).toEqual(new Set(LIVE_SLOT_COMMANDS));
      for (const [history, events] of Object.entries(histories)) {
        const slot = slotOf(events);
        expect(liveOf(slot).deployments.length).toBeLessThan(slot.deployments.length);
        for (const command of commands) {
          const whole = outcome(() => decide(command, slot));
          expect([history, command.type, outcome(() => decide(command, liveOf(slot)))]).toEqual([
            history,
            command.type,
            whole,
          ]);
        }
      }
    });

    it('is not enough for a rollback, which looks back through the history', () => {
      const rollback = {
        type: 'RollBackDeployment' as const,
        deploymentId: id(20),
        now: at(20),
        actorId: 'ops',
        environment: 'development' as const,
        toDeploymentId: null,
        notes: null,
      };
      const slot = slotOf(superseded);
      expect(LIVE_SLOT_COMMANDS).not.toContain(rollback.type);
      expect(outcome(() => decide(rollback, slot))).not.toEqual(outcome(() => decide(rollback, liveOf(slot))));
    });
  });
});
