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

export interface ServiceHealth {
  service: string;
  status: 'up' | 'down';
  /** Each dependency the service needs right now (postgres, …): 'up' or 'down'. */
  checks: Record<string, 'up' | 'down'>;
}
