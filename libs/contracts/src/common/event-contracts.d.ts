import type { z } from 'zod';
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
    [T in K]: {
        type: T;
        data: ContractEventData<M, T>;
    };
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
export declare function defineEventContracts<const M extends EventContractMap>(events: M, upcasters?: readonly EventUpcaster[]): EventContracts<M>;
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
export declare function defineUpcaster<From extends z.ZodType, To extends z.ZodType>(definition: UpcasterDefinition<From, To>): EventUpcaster;
