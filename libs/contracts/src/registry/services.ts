import { createHash } from 'node:crypto';
import { z } from 'zod';
import { defineOperation } from '../common/operation';

// The one list of the platform's backend services. The gateway's /ready, the test platform, the benchmarks and
// `npm start` all read it; a new service is one entry here (and its app folder).

export interface PlatformService {
  /** App folder under apps/, NATS queue group, and name in /ready. */
  name: string;
  /** The PostgreSQL schema it owns: event store, read models, relay checkpoint. */
  schema: string;
}

export const PLATFORM_SERVICES: readonly PlatformService[] = [
  { name: 'assistants', schema: 'assistants' },
  { name: 'access', schema: 'access' },
  { name: 'conversations', schema: 'conversations' },
  { name: 'deployments', schema: 'deployments' },
  { name: 'analytics', schema: 'analytics' },
];

/** The readiness operation every service answers (through the service kit). */
export const healthPattern = (service: string) => `${service}.health`;

const healthState = z.enum(['up', 'degraded', 'down']);

export type HealthState = z.output<typeof healthState>;

/** What a service answers on its health operation; a schema, so the AsyncAPI document describes it too. */
export const serviceHealthSchema = z
  .strictObject({
    service: z.string(),
    status: z.enum(['up', 'down']).meta({ description: 'Down: it cannot do its work now' }),
    checks: z.record(z.string(), healthState).meta({
      description:
        "Each dependency or part it needs (postgres, relay): degraded still works, but needs an operator's look",
    }),
    relay: z
      .strictObject({ parkedEvents: z.number().int().min(0) })
      .optional()
      .meta({ description: 'Details of a degraded relay' }),
    installation: z.string().optional().meta({ description: 'Which installation (database) this service belongs to' }),
  })
  .meta({ id: 'ServiceHealth' });

export type ServiceHealth = z.output<typeof serviceHealthSchema>;

/** The health operation of `service`: no input, the service's health as the answer. */
export const healthOperation = (service: string) =>
  defineOperation({ pattern: healthPattern(service), response: serviceHealthSchema });

/**
 * Which installation a database is: its PostgreSQL cluster's system identifier and the database name, hashed.
 * Every process of one installation computes the same id from the database it shares.
 */
export function installationIdOf(systemIdentifier: string, database: string): string {
  return createHash('sha256').update(`${systemIdentifier}/${database}`).digest('hex').slice(0, 16);
}

/** The bus prefix of an installation without BUS_PREFIX: two databases on one NATS never share subjects. */
export function derivedBusPrefix(installationId: string): string {
  return `platform_${installationId.slice(0, 10)}`;
}

/** The SQL that reads what installationIdOf needs (any role may run it). */
export const INSTALLATION_QUERY =
  'SELECT system_identifier::text AS system, current_database() AS db FROM pg_control_system()';
