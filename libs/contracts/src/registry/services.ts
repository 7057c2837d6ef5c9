import { createHash } from 'node:crypto';

// The one list of the platform's backend services. The gateway's /ready, the test platform, the benchmarks and
// `npm start` all read it; a new service is one entry here (and its app folder).

export interface PlatformService {
  /** App folder under apps/, NATS queue group, and name in /ready. */
  name: string;
  /** The PostgreSQL schema it owns: event store, read models, relay checkpoint. */
  schema: string;
}

export const PLATFORM_SERVICES: readonly PlatformService[] = [{ name: 'assistants', schema: 'assistants' }];

/** The readiness operation every service answers (through the service kit). */
export const healthPattern = (service: string) => `${service}.health`;

export type HealthState = 'up' | 'degraded' | 'down';

export interface ServiceHealth {
  service: string;
  /** Down: it cannot do its work now. */
  status: 'up' | 'down';
  /** Each dependency or part it needs (postgres, relay): degraded still works, but needs an operator's look. */
  checks: Record<string, HealthState>;
  /** Details of a degraded relay. */
  relay?: { parkedEvents: number };
  /** Which installation (database) this service belongs to. */
  installation?: string;
}

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
