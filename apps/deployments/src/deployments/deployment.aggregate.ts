import {
  DEPLOYMENT_EVENT_TYPES,
  DeploymentNotFoundError,
  decide,
  fold,
  type Deployment,
  type DeploymentCommand,
  type DeploymentEvent,
  type DeploymentState,
} from '@platform/deployments-domain';
import { DEPLOYMENT_STREAM_CATEGORY, type DeploymentDto } from '@platform/contracts';
import type { Aggregate } from '@platform/service-kit';
import { toDeploymentDto } from './deployment.mapper';
import { writeDeploymentView } from './projections/deployment-view.projection';

/**
 * One stream per deployment (`deployment-<id>`), one view row per deployment. Commands decide over a whole slot
 * (an assistant in one environment) and may append to several of its streams at once: the SlotWriter runs them
 * under the slot's lock. `decide` here sees a slot of this one deployment, which is all a rebuild needs.
 */
export const deploymentAggregate: Aggregate<
  Deployment,
  DeploymentState,
  DeploymentCommand,
  DeploymentEvent,
  DeploymentDto
> = {
  category: DEPLOYMENT_STREAM_CATEGORY,
  table: 'deployment_view',
  eventTypes: DEPLOYMENT_EVENT_TYPES,
  stateOf: (doc) => (doc ? { kind: 'existing', deployment: doc } : { kind: 'none' }),
  docOf: (state) => (state.kind === 'existing' ? state.deployment : null),
  decide: (command, state) => decide(command, { deployments: state.kind === 'existing' ? [state.deployment] : [] }),
  fold: (events, state) => fold(events, state),
  versionOf: (doc) => doc.version,
  toResponse: toDeploymentDto,
  write: (sql, doc, revision) => writeDeploymentView(sql, doc, revision),
  // A deployment belongs to its assistant's owner: another owner's does not exist for a scoped caller.
  owner: { of: (doc) => doc.ownerId, notFound: (id) => new DeploymentNotFoundError(id) },
};
