import type { z } from 'zod';

// A context's published events: for each type, the schema of its data at the version producers write today.
// Stored and published events are never rewritten, so each older version keeps an upcaster to the next one for
// as long as such events may be read (event store rows, JetStream messages).

export interface EventContract<S extends z.ZodType = z.ZodType> {
  /** The version `schema` describes; new events of the type are written at it. */
  schemaVersion: number;
  schema: S;
}

/**
 * Turns data of `fromVersion` into `fromVersion + 1`. Shaped like the event store's `Upcaster`, so a registry's
 * list goes to the store as it is; declared here because contracts carry no infrastructure.
 */
export interface EventUpcaster {
  type: string;
  fromVersion: number;
  upcast(data: unknown, metadata: Readonly<Record<string, unknown>>): unknown;
}

export type EventContractMap = Readonly<Record<string, EventContract>>;

export type EventTypeOf<M extends EventContractMap> = keyof M & string;

export type ContractEventData<M extends EventContractMap, K extends EventTypeOf<M>> = z.output<M[K]['schema']>;

/** The `{ type, data }` event a contract describes; without `K`, the union of every event of the map. */
export type ContractEvent<M extends EventContractMap, K extends EventTypeOf<M> = EventTypeOf<M>> = {
  [T in K]: { type: T; data: ContractEventData<M, T> };
}[K];

export interface EventContracts<M extends EventContractMap> {
  events: M;
  types: readonly EventTypeOf<M>[];
  upcasters: readonly EventUpcaster[];
  currentSchemaVersions: Readonly<Record<EventTypeOf<M>, number>>;
}

/**
 * A context's registry. Refuses at load time what would otherwise fail on the first old event read: an upcaster
 * for a type without a contract, two for one step, or a version with no step up to the current one.
 */
export function defineEventContracts<const M extends EventContractMap>(
  events: M,
  upcasters: readonly EventUpcaster[] = [],
): EventContracts<M> {
  const types = Object.keys(events) as EventTypeOf<M>[];
  const steps = new Set<string>();
  for (const u of upcasters) {
    const contract = Object.hasOwn(events, u.type) ? events[u.type] : undefined;
    if (!contract) throw new Error(`Upcaster for ${u.type}, which has no contract`);
    if (!Number.isInteger(u.fromVersion) || u.fromVersion < 1 || u.fromVersion >= contract.schemaVersion) {
      throw new Error(
        `Upcaster for ${u.type} from v${u.fromVersion}, but its contract is at v${contract.schemaVersion}`,
      );
    }
    const step = `${u.type}@${u.fromVersion}`;
    if (steps.has(step)) throw new Error(`Two upcasters for ${u.type} v${u.fromVersion}`);
    steps.add(step);
  }
  for (const type of types) {
    const { schemaVersion } = events[type];
    if (!Number.isInteger(schemaVersion) || schemaVersion < 1)
      throw new Error(`${type} has schema version ${schemaVersion}`);
    for (let v = 1; v < schemaVersion; v++) {
      if (!steps.has(`${type}@${v}`)) throw new Error(`${type} is at v${schemaVersion} but nothing upcasts v${v}`);
    }
  }
  const currentSchemaVersions = Object.fromEntries(types.map((t) => [t, events[t].schemaVersion]));
  return Object.freeze({
    events: Object.freeze({ ...events }),
    types: Object.freeze(types),
    upcasters: Object.freeze([...upcasters]),
    currentSchemaVersions: Object.freeze(currentSchemaVersions) as Record<EventTypeOf<M>, number>,
  });
}

export interface UpcasterDefinition<From extends z.ZodType, To extends z.ZodType> {
  type: string;
  fromVersion: number;
  /** The data as version `fromVersion` wrote it; checked before `upcast` runs. */
  from: From;
  /** The schema of version `fromVersion + 1`: the type `upcast` must return. */
  to: To;
  upcast(data: z.output<From>, metadata: Readonly<Record<string, unknown>>): z.input<To>;
}

/** An upcaster typed by both versions' schemas; data that does not match the old version fails loudly. */
export function defineUpcaster<From extends z.ZodType, To extends z.ZodType>(
  definition: UpcasterDefinition<From, To>,
): EventUpcaster {
  const { type, fromVersion, from, upcast } = definition;
  return {
    type,
    fromVersion,
    upcast(data, metadata) {
      const parsed = from.safeParse(data);
      if (!parsed.success) {
        const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(data)'}: ${i.message}`).join('; ');
        throw new Error(`${type} v${fromVersion} data does not match its schema: ${issues}`);
      }
      return upcast(parsed.data, metadata);
    },
  };
}
