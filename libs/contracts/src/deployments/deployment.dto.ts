import type { z } from 'zod';
import type {
  activeDeploymentSchema,
  deploymentResourcesSchema,
  deploymentSchema,
  deploymentSnapshotSchema,
  deploymentStatusOverviewSchema,
  environmentDeploymentSchema,
  environmentInfoSchema,
  environmentListSchema,
  snapshotPromptSchema,
  statusHistoryEntrySchema,
} from './deployment.responses';

export type DeploymentDto = z.output<typeof deploymentSchema>;
export type DeploymentResources = z.output<typeof deploymentResourcesSchema>;
export type DeploymentSnapshot = z.output<typeof deploymentSnapshotSchema>;
export type SnapshotPrompt = z.output<typeof snapshotPromptSchema>;
export type StatusHistoryEntry = z.output<typeof statusHistoryEntrySchema>;
export type EnvironmentInfoDto = z.output<typeof environmentInfoSchema>;
export type EnvironmentListDto = z.output<typeof environmentListSchema>;
export type EnvironmentDeploymentDto = z.output<typeof environmentDeploymentSchema>;
export type DeploymentStatusOverviewDto = z.output<typeof deploymentStatusOverviewSchema>;
export type ActiveDeploymentDto = z.output<typeof activeDeploymentSchema>;
