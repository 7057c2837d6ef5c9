import type { Deployment } from '@platform/deployments-domain';
import type { DeploymentDto, EnvironmentDeploymentDto } from '@platform/contracts';

export function toDeploymentDto(d: Deployment): DeploymentDto {
  return {
    id: d.id,
    assistantId: d.assistantId,
    ownerId: d.ownerId,
    environment: d.environment,
    kind: d.kind,
    status: d.status,
    assistantVersion: d.assistantVersion,
    snapshot: d.snapshot,
    resources: { ...d.resources },
    previousDeploymentId: d.previousDeploymentId,
    promotedFromDeploymentId: d.promotedFromDeploymentId,
    rolledBackDeploymentId: d.rolledBackDeploymentId,
    notes: d.notes,
    createdBy: d.createdBy,
    createdAt: d.createdAt,
    updatedAt: d.updatedAt,
    statusHistory: d.statusHistory.map((h) => ({ ...h })),
    version: d.version,
  };
}

/** An environment's current deployment as the status overview shows it: since it reached its status. */
export function toEnvironmentDeploymentDto(
  d: Pick<Deployment, 'id' | 'status' | 'assistantVersion' | 'resources' | 'statusHistory' | 'updatedAt'>,
): EnvironmentDeploymentDto {
  const since = [...d.statusHistory].reverse().find((h) => h.status === d.status)?.at ?? d.updatedAt;
  return { id: d.id, status: d.status, assistantVersion: d.assistantVersion, resources: { ...d.resources }, since };
}
