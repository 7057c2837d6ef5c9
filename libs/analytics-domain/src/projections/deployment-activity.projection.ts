import { hourKeyOf } from '../time';
import { emptyHourlyActivity, type ActivityKey, type HourlyActivity } from './activity';

// The deployments context's events, declared here by shape until its published contracts exist; only the fields
// below are read. Replace with the deployments contract's types when it is merged.

export type DeploymentKind = 'deploy' | 'promotion' | 'rollback';

export interface DeploymentStarted {
  type: 'DeploymentStarted';
  data: {
    deploymentId: string;
    assistantId: string;
    ownerId: string;
    environment: string;
    kind: DeploymentKind;
    status: string;
    assistantVersion: number;
    snapshot: unknown;
    resources: unknown;
    previousDeploymentId: string | null;
    promotedFromDeploymentId: string | null;
    rolledBackDeploymentId: string | null;
    notes: string | null;
    createdBy: string;
    at: string;
  };
}

export interface DeploymentStatusChanged {
  type: 'DeploymentStatusChanged';
  data: {
    deploymentId: string;
    assistantId: string;
    environment: string;
    from: string;
    to: string;
    reason: string | null;
    at: string;
  };
}

export interface DeploymentScaled {
  type: 'DeploymentScaled';
  data: { deploymentId: string; assistantId: string; environment: string; resources: unknown; at: string };
}

export type DeploymentEvent = DeploymentStarted | DeploymentStatusChanged | DeploymentScaled;

/** DeploymentScaled changes no figure analytics keeps. */
export const deploymentActivityHandles = ['DeploymentStarted', 'DeploymentStatusChanged'] as const;

export function deploymentActivityKeyOf(event: DeploymentEvent): ActivityKey | null {
  if (event.type === 'DeploymentScaled') return null; // scaling changes no figure analytics keeps
  return { assistantId: event.data.assistantId, hour: hourKeyOf(event.data.at) };
}

/** Deployments total (every start: deploys, promotions and rollbacks), failures, rollbacks and promotions. */
export function evolveDeploymentActivity(doc: HourlyActivity | null, event: DeploymentEvent): HourlyActivity | null {
  const k = deploymentActivityKeyOf(event);
  if (!k) return doc;
  const d = doc ?? emptyHourlyActivity(k.assistantId, k.hour);
  switch (event.type) {
    case 'DeploymentStarted':
      return {
        ...d,
        deployments: d.deployments + 1,
        rollbacks: d.rollbacks + (event.data.kind === 'rollback' ? 1 : 0),
        promotions: d.promotions + (event.data.kind === 'promotion' ? 1 : 0),
      };
    case 'DeploymentStatusChanged':
      return event.data.to === 'failed' ? { ...d, deploymentsFailed: d.deploymentsFailed + 1 } : d;
    case 'DeploymentScaled':
      return d;
    default: {
      const never: never = event;
      return never;
    }
  }
}
