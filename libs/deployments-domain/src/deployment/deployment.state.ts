import type {
  DeploymentEnvironment,
  DeploymentKind,
  DeploymentResources,
  DeploymentSnapshot,
  DeploymentStatus,
  DeploymentsEvent,
  StatusHistoryEntry,
} from '@platform/contracts';

/** One deployment: an immutable snapshot running with some resources in one environment, and its lifecycle. */
export interface Deployment {
  id: string;
  assistantId: string;
  ownerId: string;
  environment: DeploymentEnvironment;
  kind: DeploymentKind;
  status: DeploymentStatus;
  assistantVersion: number;
  snapshot: DeploymentSnapshot;
  resources: DeploymentResources;
  previousDeploymentId: string | null;
  promotedFromDeploymentId: string | null;
  rolledBackDeploymentId: string | null;
  notes: string | null;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  statusHistory: StatusHistoryEntry[];
  version: number;
}

/**
 * An event as the deciders emit it, or as the store hands it back with its metadata: who acted lands in the
 * status history from there (the published event data carries no actor of its own).
 */
export type DeploymentEvent = DeploymentsEvent & { metadata?: { actorId?: unknown } };

export type DeploymentState = { kind: 'none' } | { kind: 'existing'; deployment: Deployment };

export const initialDeploymentState: DeploymentState = { kind: 'none' };

/** The statuses a deployment never leaves. */
export const FINAL_STATUSES: readonly DeploymentStatus[] = ['failed', 'superseded', 'rolled_back', 'retired'];
export const IN_PROGRESS_STATUSES: readonly DeploymentStatus[] = ['pending', 'deploying'];

const actorOf = (e: DeploymentEvent): string | null =>
  typeof e.metadata?.actorId === 'string' ? e.metadata.actorId : null;

/** One deployment's state after one of its events. */
export function evolve(state: DeploymentState, event: DeploymentEvent): DeploymentState {
  switch (event.type) {
    case 'DeploymentStarted': {
      const d = event.data;
      return {
        kind: 'existing',
        deployment: {
          id: d.deploymentId,
          assistantId: d.assistantId,
          ownerId: d.ownerId,
          environment: d.environment,
          kind: d.kind,
          status: d.status,
          assistantVersion: d.assistantVersion,
          snapshot: d.snapshot as DeploymentSnapshot,
          resources: { ...d.resources },
          previousDeploymentId: d.previousDeploymentId,
          promotedFromDeploymentId: d.promotedFromDeploymentId,
          rolledBackDeploymentId: d.rolledBackDeploymentId,
          notes: d.notes,
          createdBy: d.createdBy,
          createdAt: d.at,
          updatedAt: d.at,
          statusHistory: [{ status: d.status, at: d.at, reason: null, actorId: actorOf(event) ?? d.createdBy }],
          version: 1,
        },
      };
    }
    case 'DeploymentStatusChanged': {
      if (state.kind !== 'existing') return state;
      const d = event.data;
      const entry = { status: d.to, at: d.at, reason: d.reason, actorId: actorOf(event) };
      return {
        kind: 'existing',
        deployment: {
          ...state.deployment,
          status: d.to,
          updatedAt: d.at,
          statusHistory: [...state.deployment.statusHistory, entry],
          version: state.deployment.version + 1,
        },
      };
    }
    case 'DeploymentScaled': {
      if (state.kind !== 'existing') return state;
      const d = event.data;
      return {
        kind: 'existing',
        deployment: {
          ...state.deployment,
          resources: { ...d.resources },
          updatedAt: d.at,
          version: state.deployment.version + 1,
        },
      };
    }
    default: {
      const unknown: never = event;
      throw new Error(`Unknown deployment event ${(unknown as { type: string }).type}`);
    }
  }
}

export const fold = (events: readonly DeploymentEvent[], state: DeploymentState = initialDeploymentState) =>
  events.reduce(evolve, state);

export const DEPLOYMENT_EVENT_TYPES = ['DeploymentStarted', 'DeploymentStatusChanged', 'DeploymentScaled'] as const;

/**
 * The deployments of one assistant in one environment, newest first: what a command on that "slot" decides
 * over. The service loads it under the slot's lock (see docs/deployments.md); the specs build it from events.
 */
export interface Slot {
  deployments: Deployment[];
}

export const emptySlot: Slot = { deployments: [] };

/** The slot after one event: the deployment it names evolves, a new one goes first. */
export function evolveSlot(slot: Slot, event: DeploymentEvent): Slot {
  const id = event.data.deploymentId;
  const index = slot.deployments.findIndex((d) => d.id === id);
  const before: DeploymentState =
    index < 0 ? initialDeploymentState : { kind: 'existing', deployment: slot.deployments[index] };
  const after = evolve(before, event);
  if (after.kind !== 'existing') return slot;
  if (index < 0) return { deployments: [after.deployment, ...slot.deployments] };
  return { deployments: slot.deployments.map((d, i) => (i === index ? after.deployment : d)) };
}

export const activeOf = (slot: Slot): Deployment | undefined => slot.deployments.find((d) => d.status === 'active');
export const inProgressOf = (slot: Slot): Deployment | undefined =>
  slot.deployments.find((d) => IN_PROGRESS_STATUSES.includes(d.status));
export const wasActive = (d: Deployment): boolean => d.statusHistory.some((h) => h.status === 'active');

/** The statuses of deployments that serve or are on their way. */
export const LIVE_STATUSES: readonly DeploymentStatus[] = ['active', ...IN_PROGRESS_STATUSES];

/** A slot's deployments that serve or are on their way, newest first. */
export const liveOf = (slot: Slot): Slot => ({
  deployments: slot.deployments.filter((d) => LIVE_STATUSES.includes(d.status)),
});

/**
 * The commands that decide over the live part of a slot alone (what serves and what is on its way): deciding them
 * over `liveOf(slot)` gives the same events as over the whole slot, so the service loads only those rows, however
 * long the slot's history. Rollbacks look back through the history; a status report names any deployment.
 */
export const LIVE_SLOT_COMMANDS = ['StartDeployment', 'ScaleDeployment', 'RetireDeployments'] as const;
