import { z } from 'zod';
import type { FieldError } from '../problem';
/**
 * One request/reply operation of a service: its bus pattern and the schemas of its three input parts. The same
 * contract validates at the HTTP edge, validates again where the bus delivers it (the bus is a public boundary
 * too), and drives the OpenAPI document, so the parts cannot drift apart.
 */
export interface OperationContract<P extends z.ZodType = z.ZodType, Q extends z.ZodType = z.ZodType, B extends z.ZodType = z.ZodType> {
    pattern: string;
    params?: P;
    query?: Q;
    body?: B;
}
type Part<S> = [NonNullable<S>] extends [z.ZodType] ? z.output<NonNullable<S>> : undefined;
/** What a handler receives once the contract has parsed a request. */
export interface OperationInput<O extends OperationContract> {
    params: Part<O['params']>;
    query: Part<O['query']>;
    body: Part<O['body']>;
}
/** What travels on the bus as an envelope's body: the three parts as the caller sent them. */
export interface RawOperationInput {
    params?: unknown;
    query?: unknown;
    body?: unknown;
}
export declare function defineOperation<P extends z.ZodType = z.ZodUndefined, Q extends z.ZodType = z.ZodUndefined, B extends z.ZodType = z.ZodUndefined>(contract: {
    pattern: string;
    params?: P;
    query?: Q;
    body?: B;
}): OperationContract<P, Q, B>;
/** Path parameters that are ids: `{ id: uuid }`, `{ id, promptId }`. */
export declare function idParams<K extends string>(...names: K[]): z.ZodObject<Record<K, z.ZodUUID> extends infer T ? { -readonly [P in keyof T]: T[P]; } : never, z.core.$strip>;
/** Every string (and key) of `value` that PostgreSQL or JSON cannot carry, as field errors. */
export declare function unsafeStringErrors(value: unknown, path?: string[], depth?: number): FieldError[];
/** Parses every part, and reports the offending fields of all of them at once (400). */
export declare function parseOperationInput<O extends OperationContract>(contract: O, raw: RawOperationInput | undefined): OperationInput<O>;
export {};
