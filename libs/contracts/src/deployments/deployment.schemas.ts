import { z } from 'zod';
import { cursorSchema, limitSchema } from '../common/schemas';

// Input schemas of the deployments service: what the gateway and the service accept in bodies and queries.

/** The pipeline, in order: an assistant moves from development towards production one stage at a time. */
export const DEPLOYMENT_ENVIRONMENTS = ['development', 'testing', 'staging', 'production'] as const;
export const DEPLOYMENT_STATUSES = [
  'pending',
  'deploying',
  'active',
  'failed',
  'superseded',
  'rolled_back',
  'retired',
] as const;
export const DEPLOYMENT_KINDS = ['deploy', 'promotion', 'rollback'] as const;
/** What an external orchestrator may report about a deployment. */
export const REPORTABLE_STATUSES = ['deploying', 'active', 'failed', 'retired'] as const;
/** The readiness checks a deployment passes before anything is stored. */
export const READINESS_CHECKS = ['assistant-active', 'configuration', 'system-prompt', 'previous-stage'] as const;

export const MIN_REPLICAS = 1;
export const MAX_REPLICAS = 100;

export const environmentSchema = z.enum(DEPLOYMENT_ENVIRONMENTS).meta({ id: 'Environment' });

/** CPU as Kubernetes writes it: millicores (`500m`, up to 64000m) or cores (`2`, `0.5`, up to 64). */
export const cpuSchema = z
  .string()
  .regex(/^(?:[1-9][0-9]{0,4}m|(?:[0-9]|[1-5][0-9]|6[0-4])(?:\.[0-9]{1,3})?)$/, {
    message: 'like 500m or 2 (at most 64 cores)',
    abort: true,
  })
  .refine((v) => cpuMillis(v) >= 10 && cpuMillis(v) <= 64_000, 'between 10m and 64 cores');
/** Memory as Kubernetes writes it, in Mi or Gi (`512Mi`, `2Gi`), from 16Mi to 256Gi. */
export const memorySchema = z
  .string()
  .regex(/^[1-9][0-9]{0,5}(?:Mi|Gi)$/, { message: 'like 512Mi or 2Gi', abort: true })
  .refine((v) => memoryMi(v) >= 16 && memoryMi(v) <= 256 * 1024, 'between 16Mi and 256Gi');
export const replicasSchema = z.number().int().min(MIN_REPLICAS).max(MAX_REPLICAS);

export function cpuMillis(cpu: string): number {
  return cpu.endsWith('m') ? Number(cpu.slice(0, -1)) : Math.round(Number(cpu) * 1000);
}
export function memoryMi(memory: string): number {
  return memory.endsWith('Gi') ? Number(memory.slice(0, -2)) * 1024 : Number(memory.slice(0, -2));
}

const resourcesInputSchema = z.strictObject({
  replicas: replicasSchema.optional(),
  cpu: cpuSchema.optional(),
  memory: memorySchema.optional(),
});
const notesSchema = z.string().max(2000);

export const deploySchema = z.strictObject({
  environment: environmentSchema,
  resources: resourcesInputSchema.optional(),
  notes: notesSchema.optional(),
  manual: z
    .boolean()
    .optional()
    .meta({ description: 'Wait in `pending` for an external orchestrator to report, instead of going active at once' }),
});

export const reportStatusSchema = z.strictObject({
  status: z.enum(REPORTABLE_STATUSES),
  reason: z.string().min(1).max(2000).optional(),
});

export const rollbackSchema = z.strictObject({
  environment: environmentSchema,
  toDeploymentId: z.uuid().optional(),
  notes: notesSchema.optional(),
});

export const promoteSchema = z.strictObject({
  fromEnvironment: environmentSchema,
  toEnvironment: environmentSchema,
  resources: resourcesInputSchema.optional(),
  notes: notesSchema.optional(),
});

export const scaleSchema = z
  .strictObject({ environment: environmentSchema, ...resourcesInputSchema.shape })
  .refine((b) => b.replicas !== undefined || b.cpu !== undefined || b.memory !== undefined, {
    message: 'at least one of replicas, cpu, memory',
    path: ['replicas'],
  })
  .meta({ anyOf: [{ required: ['replicas'] }, { required: ['cpu'] }, { required: ['memory'] }] });

export const deploymentHistoryQuerySchema = z.strictObject({
  environment: environmentSchema.optional(),
  limit: limitSchema,
  cursor: cursorSchema,
});

export const activeDeploymentQuerySchema = z.strictObject({ environment: environmentSchema });

export type DeploymentEnvironment = (typeof DEPLOYMENT_ENVIRONMENTS)[number];
export type DeploymentStatus = (typeof DEPLOYMENT_STATUSES)[number];
export type DeploymentKind = (typeof DEPLOYMENT_KINDS)[number];
export type ReadinessCheckName = (typeof READINESS_CHECKS)[number];
export type ResourcesInput = z.infer<typeof resourcesInputSchema>;
export type DeployBody = z.infer<typeof deploySchema>;
export type ReportStatusBody = z.infer<typeof reportStatusSchema>;
export type RollbackBody = z.infer<typeof rollbackSchema>;
export type PromoteBody = z.infer<typeof promoteSchema>;
export type ScaleBody = z.infer<typeof scaleSchema>;
export type DeploymentHistoryQuery = z.infer<typeof deploymentHistoryQuerySchema>;
