import { defineOperation, idParams } from '../common/operation';
import { pageSchema } from '../common/page';
import { DeploymentPatterns as D } from './deployment.patterns';
import {
  activeDeploymentSchema,
  deploymentSchema,
  deploymentStatusOverviewSchema,
  environmentListSchema,
} from './deployment.responses';
import {
  activeDeploymentQuerySchema,
  deploymentHistoryQuerySchema,
  deploySchema,
  promoteSchema,
  reportStatusSchema,
  rollbackSchema,
  scaleSchema,
} from './deployment.schemas';

const id = idParams('id');

/** Every request/reply operation of the deployments service, with the schema of its answer. */
export const DeploymentOperations = {
  environments: defineOperation({ pattern: D.environments, response: environmentListSchema }),
  deploy: defineOperation({ pattern: D.deploy, params: id, body: deploySchema, response: deploymentSchema }),
  reportStatus: defineOperation({
    pattern: D.reportStatus,
    params: idParams('deploymentId'),
    body: reportStatusSchema,
    response: deploymentSchema,
  }),
  rollback: defineOperation({ pattern: D.rollback, params: id, body: rollbackSchema, response: deploymentSchema }),
  history: defineOperation({
    pattern: D.history,
    params: id,
    query: deploymentHistoryQuerySchema,
    response: pageSchema(deploymentSchema),
  }),
  status: defineOperation({ pattern: D.status, params: id, response: deploymentStatusOverviewSchema }),
  promote: defineOperation({ pattern: D.promote, params: id, body: promoteSchema, response: deploymentSchema }),
  scale: defineOperation({ pattern: D.scale, params: id, body: scaleSchema, response: deploymentSchema }),
  active: defineOperation({
    pattern: D.active,
    params: id,
    query: activeDeploymentQuerySchema,
    response: activeDeploymentSchema,
  }),
} as const;
