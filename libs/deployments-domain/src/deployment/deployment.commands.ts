import type {
  DeploymentEnvironment,
  DeploymentResources,
  DeploymentSnapshot,
  ResourcesInput,
} from '@platform/contracts';
import type { ReadinessInput } from '../readiness/readiness';

// Commands on one slot (an assistant in one environment). Time, ids and the actor arrive in the command.

interface Stamp {
  now: string;
  actorId: string;
}

/** Deploy (or promote) a snapshot: the readiness checks run first, then it goes active or waits for a report. */
export interface StartDeployment extends Stamp {
  type: 'StartDeployment';
  deploymentId: string;
  assistantId: string;
  ownerId: string;
  environment: DeploymentEnvironment;
  kind: 'deploy' | 'promotion';
  manual: boolean;
  snapshot: DeploymentSnapshot;
  /** Given values over the active deployment's resources there, else the environment's defaults. */
  resources: ResourcesInput;
  promotedFromDeploymentId: string | null;
  notes: string | null;
  readiness: ReadinessInput;
}

/** Start a deployment carrying an earlier one's snapshot; the active one becomes rolled_back. */
export interface RollBackDeployment extends Stamp {
  type: 'RollBackDeployment';
  deploymentId: string;
  environment: DeploymentEnvironment;
  toDeploymentId: string | null;
  notes: string | null;
}

/** What an external orchestrator reports about a deployment. */
export interface ReportDeploymentStatus extends Stamp {
  type: 'ReportDeploymentStatus';
  deploymentId: string;
  status: 'deploying' | 'active' | 'failed' | 'retired';
  reason: string | null;
}

export interface ScaleDeployment extends Stamp {
  type: 'ScaleDeployment';
  assistantId: string;
  environment: DeploymentEnvironment;
  resources: ResourcesInput;
}

/** The assistant is gone (archived): what runs is retired, what is on its way fails. */
export interface RetireDeployments extends Stamp {
  type: 'RetireDeployments';
  reason: string;
}

export type DeploymentCommand =
  StartDeployment | RollBackDeployment | ReportDeploymentStatus | ScaleDeployment | RetireDeployments;

export const mergeResources = (base: DeploymentResources, given: ResourcesInput): DeploymentResources => ({
  replicas: given.replicas ?? base.replicas,
  cpu: given.cpu ?? base.cpu,
  memory: given.memory ?? base.memory,
});
