import { z } from 'zod';
import { configurationEventSchema, personaEventSchema } from '../../assistants/events/assistant.events';
import type { EventContractMap } from '../../common/event-contracts';

// The Deployment aggregate's events as stored and published (analytics reads them). Written out rather than built
// from the HTTP schemas: a request schema change must not retype stored events. Any change of shape is a new
// schemaVersion with an upcaster from the last (see assistants/events/assistant.events.ts).

const id = z.string().min(1);
const time = z.iso.datetime();
const environment = z.enum(['development', 'testing', 'staging', 'production']);
const status = z.enum(['pending', 'deploying', 'active', 'failed', 'superseded', 'rolled_back', 'retired']);
const scalar = z.union([z.string(), z.number(), z.boolean()]);

export const resourcesEventSchema = z.strictObject({
  replicas: z.number().int().min(1),
  cpu: z.string(),
  memory: z.string(),
});

export const snapshotEventSchema = z.strictObject({
  assistantVersion: z.number().int().min(1),
  name: z.string(),
  persona: personaEventSchema,
  configuration: configurationEventSchema,
  prompts: z.array(
    z.strictObject({
      promptId: id,
      promptName: z.string(),
      role: z.enum(['primary', 'secondary', 'fallback']),
      priority: z.number().int(),
      conditions: z.array(
        z.strictObject({
          variable: z.string(),
          operator: z.enum(['exists', 'eq', 'neq', 'in', 'gt', 'lt']),
          value: z.union([scalar, z.array(scalar)]).optional(),
        }),
      ),
      version: z.number().int().min(1).nullable(),
    }),
  ),
  systemPrompt: z.strictObject({ text: z.string(), tokenCount: z.number().int().min(0), encoding: z.string() }),
});

export const deploymentEventContractMap = {
  DeploymentStarted: {
    schemaVersion: 1,
    schema: z.strictObject({
      deploymentId: id,
      assistantId: id,
      ownerId: id,
      environment,
      kind: z.enum(['deploy', 'promotion', 'rollback']),
      status: z.enum(['pending', 'active']).meta({ description: 'active at once, or pending for an orchestrator' }),
      assistantVersion: z.number().int().min(1),
      snapshot: snapshotEventSchema,
      resources: resourcesEventSchema,
      previousDeploymentId: id.nullable(),
      promotedFromDeploymentId: id.nullable(),
      rolledBackDeploymentId: id.nullable(),
      notes: z.string().nullable(),
      createdBy: id,
      at: time,
    }),
  },
  DeploymentStatusChanged: {
    schemaVersion: 1,
    schema: z.strictObject({
      deploymentId: id,
      assistantId: id,
      environment,
      from: status,
      to: status,
      reason: z.string().nullable(),
      at: time,
    }),
  },
  DeploymentScaled: {
    schemaVersion: 1,
    schema: z.strictObject({
      deploymentId: id,
      assistantId: id,
      environment,
      resources: resourcesEventSchema,
      at: time,
    }),
  },
} as const satisfies EventContractMap;
