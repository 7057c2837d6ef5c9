import type { InlineProjection, Migration, Upcaster } from '@platform/event-store';

/** What a service declares about itself; the kit wires the rest. */
export interface ServiceDefinition {
  /** Its entry in the platform's service registry (`PLATFORM_SERVICES`). */
  name: string;
  /** Its read models, kept in the append transaction (read-your-writes). */
  projections: InlineProjection[];
  /** Its read-model tables, applied at start after the event store's own (unqualified names). */
  migrations: Migration[];
  /** Upcasters and current schema versions of its published events, applied by every read. */
  upcasters?: Upcaster[];
  currentSchemaVersions?: Record<string, number>;
}

/** The service's definition, with the schema it owns from the registry, injectable by kit providers. */
export const SERVICE = Symbol('SERVICE');
export type ResolvedService = ServiceDefinition & { schema: string };
