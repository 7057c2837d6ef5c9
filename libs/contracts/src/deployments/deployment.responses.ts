import { z } from 'zod';
import { configurationResponseSchema, personaResponseSchema } from '../assistants/assistant.responses';
import { promptConditionSchema, promptLinkRoleSchema } from '../prompts/prompt.responses';
import { DEPLOYMENT_KINDS, DEPLOYMENT_STATUSES, environmentSchema, READINESS_CHECKS } from './deployment.schemas';

// What the deployments service answers, strict and named (see assistants/assistant.responses.ts).

const int = z.number().int();
const time = z.iso.datetime();

export const deploymentStatusSchema = z.enum(DEPLOYMENT_STATUSES).meta({ id: 'DeploymentStatus' });
export const deploymentKindSchema = z.enum(DEPLOYMENT_KINDS).meta({ id: 'DeploymentKind' });
export const readinessCheckSchema = z.enum(READINESS_CHECKS).meta({ id: 'ReadinessCheck' });

export const deploymentResourcesSchema = z
  .strictObject({
    replicas: int.min(1).max(100),
    cpu: z.string().meta({ description: 'Kubernetes CPU quantity, e.g. 500m' }),
    memory: z.string().meta({ description: 'Kubernetes memory quantity, e.g. 512Mi' }),
  })
  .meta({ id: 'DeploymentResources' });

export const snapshotPromptSchema = z
  .strictObject({
    promptId: z.uuid(),
    promptName: z.string(),
    role: promptLinkRoleSchema,
    priority: int,
    conditions: z.array(promptConditionSchema),
    version: int.min(1).nullable().meta({ description: 'The exact prompt version frozen; null when none resolved' }),
  })
  .meta({ id: 'SnapshotPrompt' });

export const deploymentSnapshotSchema = z
  .strictObject({
    assistantVersion: int.min(1),
    name: z.string(),
    persona: personaResponseSchema,
    configuration: configurationResponseSchema,
    prompts: z.array(snapshotPromptSchema),
    systemPrompt: z
      .strictObject({ text: z.string(), tokenCount: int, encoding: z.string() })
      .meta({ description: 'The system prompt composed at deployment (variables at their defaults)' }),
  })
  .meta({ id: 'DeploymentSnapshot', description: 'Everything the assistant runs with, frozen at deployment' });

export const statusHistoryEntrySchema = z
  .strictObject({
    status: deploymentStatusSchema,
    at: time,
    reason: z.string().nullable(),
    actorId: z.string().nullable(),
  })
  .meta({ id: 'DeploymentStatusHistoryEntry' });

export const deploymentSchema = z
  .strictObject({
    id: z.uuid(),
    assistantId: z.uuid(),
    ownerId: z.string(),
    environment: environmentSchema,
    kind: deploymentKindSchema,
    status: deploymentStatusSchema,
    assistantVersion: int.min(1),
    snapshot: deploymentSnapshotSchema,
    resources: deploymentResourcesSchema,
    previousDeploymentId: z.uuid().nullable().meta({ description: 'The deployment this one replaced' }),
    promotedFromDeploymentId: z.uuid().nullable(),
    rolledBackDeploymentId: z.uuid().nullable().meta({ description: 'Rollbacks: the deployment rolled back' }),
    notes: z.string().nullable(),
    createdBy: z.string(),
    createdAt: time,
    updatedAt: time,
    statusHistory: z.array(statusHistoryEntrySchema),
    version: int.min(1),
  })
  .meta({ id: 'Deployment' });

export const environmentInfoSchema = z
  .strictObject({
    name: environmentSchema,
    order: int.min(1),
    previous: environmentSchema.nullable(),
    next: environmentSchema.nullable(),
    requires: z.array(z.strictObject({ check: readinessCheckSchema, description: z.string() })),
    defaultResources: deploymentResourcesSchema,
  })
  .meta({ id: 'EnvironmentInfo' });

export const environmentListSchema = z
  .strictObject({ data: z.array(environmentInfoSchema) })
  .meta({ id: 'EnvironmentList' });

export const environmentDeploymentSchema = z
  .strictObject({
    id: z.uuid(),
    status: deploymentStatusSchema,
    assistantVersion: int.min(1),
    resources: deploymentResourcesSchema,
    since: time.meta({ description: 'When it reached its status' }),
  })
  .meta({ id: 'EnvironmentDeployment' });

export const deploymentStatusOverviewSchema = z
  .strictObject({
    assistantId: z.uuid(),
    environments: z.strictObject({
      development: environmentDeploymentSchema.nullable(),
      testing: environmentDeploymentSchema.nullable(),
      staging: environmentDeploymentSchema.nullable(),
      production: environmentDeploymentSchema.nullable(),
    }),
  })
  .meta({
    id: 'DeploymentStatusOverview',
    description: 'Per environment the active deployment, else one in progress, else null',
  });

export const activeDeploymentSchema = z
  .strictObject({ deployment: deploymentSchema.nullable() })
  .meta({ id: 'ActiveDeployment' });
