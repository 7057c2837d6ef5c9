import { DeploymentOperations as D, type DeploymentDto } from '@platform/contracts';
import { route } from '../http/route-table';

const tag = 'deployments';
const version = (d: DeploymentDto) => d.version;
const at = (d: DeploymentDto) => `/assistants/${d.assistantId}/deployments?environment=${d.environment}`;

/** REST routes of deployments: each one bus operation; reads need deployments:read, changes deployments:write. */
export const deploymentRoutes = [
  route({
    id: 'listEnvironments',
    permission: 'deployments:read',
    method: 'GET',
    path: '/assistants/environments',
    operation: D.environments,
    tag,
    summary: 'The four environments in pipeline order, with what a deployment to each requires',
  }),
  route({
    id: 'deployAssistant',
    permission: 'deployments:write',
    errors: [409, 422],
    method: 'POST',
    path: '/assistants/:id/deploy',
    operation: D.deploy,
    tag,
    summary: 'Deploy the assistant as it is now to an environment',
    description:
      'Freezes a snapshot of the assistant (version, persona, configuration, prompt versions, composed system ' +
      'prompt). Readiness checks run first: any failing gives 422 listing every failed check (`checks`) and stores ' +
      'nothing. A deployment pending or deploying in that environment: 409. Without `manual` the deployment is ' +
      'active at once and the one it replaces superseded; with `manual: true` it waits in `pending` for an ' +
      'orchestrator to report.',
    status: 201,
    location: at,
    etag: version,
  }),
  route({
    id: 'reportDeploymentStatus',
    permission: 'deployments:write',
    errors: [409],
    method: 'PUT',
    path: '/assistants/deployments/:deploymentId/status',
    operation: D.reportStatus,
    tag,
    summary: "An orchestrator reports a deployment's status",
    description:
      'Legal: pending → deploying | failed, deploying → active | failed, active → retired; anything else 409. ' +
      'Active: the deployment it replaces is superseded. Failed: the deployment serving before stays in service.',
    etag: version,
  }),
  route({
    id: 'rollbackDeployment',
    permission: 'deployments:write',
    errors: [409],
    method: 'POST',
    path: '/assistants/:id/rollback',
    operation: D.rollback,
    tag,
    summary: 'Roll an environment back to an earlier snapshot',
    description:
      'A new deployment carrying the snapshot of the deployment the active one replaced (or the one named by ' +
      '`toDeploymentId`); the active one becomes rolled_back. Nothing to roll back to: 409.',
    status: 201,
    location: at,
    etag: version,
  }),
  route({
    id: 'listDeployments',
    permission: 'deployments:read',
    method: 'GET',
    path: '/assistants/:id/deployments',
    operation: D.history,
    tag,
    summary: "The assistant's deployments, newest first",
  }),
  route({
    id: 'getDeploymentStatus',
    permission: 'deployments:read',
    method: 'GET',
    path: '/assistants/:id/deployment-status',
    operation: D.status,
    tag,
    summary: 'What runs in each environment',
  }),
  route({
    id: 'promoteDeployment',
    permission: 'deployments:write',
    errors: [409, 422],
    method: 'POST',
    path: '/assistants/:id/promote',
    operation: D.promote,
    tag,
    summary: "Promote an environment's active snapshot to the next stage",
    description:
      'Only to the next stage (else 422); the source needs an active deployment (else 409). The new deployment ' +
      "carries the source's snapshot unchanged, not the assistant's current state; readiness checks as for deploy.",
    status: 201,
    location: at,
    etag: version,
  }),
  route({
    id: 'scaleDeployment',
    permission: 'deployments:write',
    errors: [409],
    method: 'POST',
    path: '/assistants/:id/scale',
    operation: D.scale,
    tag,
    summary: "Change the resources of an environment's active deployment",
    description: 'No active deployment there: 409; replicas outside 1–100 or malformed cpu/memory: 400.',
    etag: version,
  }),
];
