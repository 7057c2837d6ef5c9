import type { DeploymentStatus } from '@platform/contracts';
import { environmentRules } from '../environments/environments';
import { readinessFailures } from '../readiness/readiness';
import {
  mergeResources,
  type DeploymentCommand,
  type ReportDeploymentStatus,
  type RollBackDeployment,
  type StartDeployment,
} from './deployment.commands';
import {
  DeploymentInProgressError,
  DeploymentNotFoundError,
  IllegalStatusTransitionError,
  NoActiveDeploymentError,
  NothingToRollBackError,
  ReadinessChecksFailedError,
} from './deployment.errors';
import {
  activeOf,
  evolveSlot,
  emptySlot,
  inProgressOf,
  wasActive,
  type Deployment,
  type DeploymentEvent,
  type Slot,
} from './deployment.state';

/** What an orchestrator may report, from each status. */
const REPORTABLE: Partial<Record<DeploymentStatus, readonly DeploymentStatus[]>> = {
  pending: ['deploying', 'failed'],
  deploying: ['active', 'failed'],
  active: ['retired'],
};

function changed(d: Deployment, to: DeploymentStatus, reason: string | null, at: string): DeploymentEvent {
  return {
    type: 'DeploymentStatusChanged',
    data: {
      deploymentId: d.id,
      assistantId: d.assistantId,
      environment: d.environment,
      from: d.status,
      to,
      reason,
      at,
    },
  };
}

/** Decides a command on one slot (an assistant in one environment); events name the deployment they belong to. */
export function decide(command: DeploymentCommand, slot: Slot): DeploymentEvent[] {
  switch (command.type) {
    case 'StartDeployment':
      return start(command, slot);
    case 'RollBackDeployment':
      return rollBack(command, slot);
    case 'ReportDeploymentStatus':
      return report(command, slot);
    case 'ScaleDeployment': {
      const active = activeOf(slot);
      if (!active) throw new NoActiveDeploymentError(command.assistantId, command.environment);
      const resources = mergeResources(active.resources, command.resources);
      if (JSON.stringify(resources) === JSON.stringify(active.resources)) return [];
      const { id: deploymentId, assistantId, environment } = active;
      return [
        { type: 'DeploymentScaled', data: { deploymentId, assistantId, environment, resources, at: command.now } },
      ];
    }
    case 'RetireDeployments':
      return slot.deployments.flatMap((d): DeploymentEvent[] => {
        if (d.status === 'active') return [changed(d, 'retired', command.reason, command.now)];
        if (d.status === 'pending' || d.status === 'deploying')
          return [changed(d, 'failed', command.reason, command.now)];
        return [];
      });
    default: {
      const unknown: never = command;
      throw new Error(`Unknown deployment command ${(unknown as { type: string }).type}`);
    }
  }
}

function start(c: StartDeployment, slot: Slot): DeploymentEvent[] {
  const failures = readinessFailures(c.readiness);
  if (failures.length) throw new ReadinessChecksFailedError(failures);
  refuseInProgress(slot);
  const current = activeOf(slot);
  const resources = mergeResources(current?.resources ?? environmentRules(c.environment).defaultResources, c.resources);
  const started: DeploymentEvent = {
    type: 'DeploymentStarted',
    data: {
      deploymentId: c.deploymentId,
      assistantId: c.assistantId,
      ownerId: c.ownerId,
      environment: c.environment,
      kind: c.kind,
      status: c.manual ? 'pending' : 'active',
      assistantVersion: c.snapshot.assistantVersion,
      snapshot: c.snapshot,
      resources,
      previousDeploymentId: current?.id ?? null,
      promotedFromDeploymentId: c.promotedFromDeploymentId,
      rolledBackDeploymentId: null,
      notes: c.notes,
      createdBy: c.actorId,
      at: c.now,
    },
  };
  // A manual deployment leaves the current one serving until the orchestrator reports the new one active.
  if (c.manual || !current) return [started];
  return [started, changed(current, 'superseded', `Replaced by deployment ${c.deploymentId}`, c.now)];
}

function rollBack(c: RollBackDeployment, slot: Slot): DeploymentEvent[] {
  refuseInProgress(slot);
  const current = activeOf(slot);
  const target = rollbackTarget(c, slot, current);
  const events: DeploymentEvent[] = [
    {
      type: 'DeploymentStarted',
      data: {
        deploymentId: c.deploymentId,
        assistantId: target.assistantId,
        ownerId: target.ownerId,
        environment: c.environment,
        kind: 'rollback',
        status: 'active',
        assistantVersion: target.assistantVersion,
        snapshot: target.snapshot,
        resources: { ...target.resources },
        previousDeploymentId: current?.id ?? null,
        promotedFromDeploymentId: null,
        rolledBackDeploymentId: current?.id ?? null,
        notes: c.notes ?? `Rolled back to deployment ${target.id}`,
        createdBy: c.actorId,
        at: c.now,
      },
    },
  ];
  if (current) events.push(changed(current, 'rolled_back', `Rolled back to deployment ${target.id}`, c.now));
  return events;
}

/** The deployment named, else the one the active deployment replaced, else the newest that once ran. */
function rollbackTarget(c: RollBackDeployment, slot: Slot, current: Deployment | undefined): Deployment {
  const candidates = slot.deployments.filter((d) => d.id !== current?.id && wasActive(d));
  if (c.toDeploymentId) {
    const named = slot.deployments.find((d) => d.id === c.toDeploymentId);
    if (!named)
      throw new NothingToRollBackError(c.environment, `deployment ${c.toDeploymentId} is not one of its deployments`);
    if (named.id === current?.id)
      throw new NothingToRollBackError(c.environment, `deployment ${named.id} is the active one`);
    if (!wasActive(named)) throw new NothingToRollBackError(c.environment, `deployment ${named.id} never ran`);
    return named;
  }
  const target = candidates.find((d) => d.id === current?.previousDeploymentId) ?? candidates[0];
  if (!target) throw new NothingToRollBackError(c.environment, 'no earlier deployment ever ran there');
  return target;
}

function report(c: ReportDeploymentStatus, slot: Slot): DeploymentEvent[] {
  const d = slot.deployments.find((x) => x.id === c.deploymentId);
  if (!d) throw new DeploymentNotFoundError(c.deploymentId);
  if (!REPORTABLE[d.status]?.includes(c.status)) throw new IllegalStatusTransitionError(d.id, d.status, c.status);
  const events = [changed(d, c.status, c.reason, c.now)];
  if (c.status === 'active') {
    // Whatever served before gives way; a rollback's predecessor is rolled back rather than superseded.
    for (const other of slot.deployments) {
      if (other.id === d.id || other.status !== 'active') continue;
      const to = d.kind === 'rollback' && d.rolledBackDeploymentId === other.id ? 'rolled_back' : 'superseded';
      events.push(changed(other, to, `Replaced by deployment ${d.id}`, c.now));
    }
  }
  return events;
}

function refuseInProgress(slot: Slot): void {
  const busy = inProgressOf(slot);
  if (busy) throw new DeploymentInProgressError(busy.environment, busy.id, busy.status);
}

/** The slot decider in the shape the Given/When/Then specs take. */
export const deploymentDecider = { decide, evolve: evolveSlot, initialState: emptySlot };
