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
