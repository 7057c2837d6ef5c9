import { z } from 'zod';
import type { FieldError } from '../problem';
import { InvalidInputError, toFieldErrors } from './schemas';

/**
 * One request/reply operation of a service: its bus pattern, the schemas of its three input parts and of its
 * answer. The same contract validates at the HTTP edge, validates again where the bus delivers it (the bus is a
 * public boundary too), types what the handler must return, and drives the OpenAPI document, so the parts cannot
 * drift apart.
 */
export interface OperationContract<
  P extends z.ZodType = z.ZodType,
  Q extends z.ZodType = z.ZodType,
  B extends z.ZodType = z.ZodType,
  R extends z.ZodType = z.ZodType,
> {
  pattern: string;
  params?: P;
  query?: Q;
  body?: B;
  /** The answer on success, as the service sends it; lists use `pageSchema(item)`. A 204 route drops it. */
  response?: R;
}

type Part<S> = [NonNullable<S>] extends [z.ZodType] ? z.output<NonNullable<S>> : undefined;

/** What a handler receives once the contract has parsed a request. */
export interface OperationInput<O extends OperationContract> {
  params: Part<O['params']>;
  query: Part<O['query']>;
  body: Part<O['body']>;
}

/** What a handler answers with on success. */
export type OperationResult<O extends OperationContract> = Part<O['response']>;

/** What travels on the bus as an envelope's body: the three parts as the caller sent them. */
export interface RawOperationInput {
  params?: unknown;
  query?: unknown;
  body?: unknown;
}

export function defineOperation<
  P extends z.ZodType = z.ZodUndefined,
  Q extends z.ZodType = z.ZodUndefined,
  B extends z.ZodType = z.ZodUndefined,
  R extends z.ZodType = z.ZodUndefined,
>(contract: { pattern: string; params?: P; query?: Q; body?: B; response?: R }): OperationContract<P, Q, B, R> {
  return contract;
}

/** Path parameters that are ids: `{ id: uuid }`, `{ id, promptId }`. */
export function idParams<K extends string>(...names: K[]) {
  const uuid = z.uuid({ message: 'must be a UUID' });
  return z.object(Object.fromEntries(names.map((n) => [n, uuid])) as Record<K, typeof uuid>);
}

// PostgreSQL cannot store U+0000 in text or jsonb, and an unpaired surrogate is not valid Unicode: both are refused
// where they enter, with the field, instead of failing deep inside a write.
const UNSAFE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const MAX_DEPTH = 64;

/** Every string (and key) of `value` that PostgreSQL or JSON cannot carry, as field errors. */
export function unsafeStringErrors(value: unknown, path: string[] = [], depth = 0): FieldError[] {
  const field = () => path.join('.') || '(body)';
  if (typeof value === 'string') {
    return UNSAFE.test(value) ? [{ field: field(), message: 'must not contain NUL or unpaired surrogates' }] : [];
  }
  if (typeof value !== 'object' || value === null) return [];
  if (depth >= MAX_DEPTH) return [{ field: field(), message: `nested more than ${MAX_DEPTH} levels deep` }];
  const errors: FieldError[] = [];
  for (const [key, item] of Object.entries(value)) {
    if (UNSAFE.test(key)) errors.push({ field: [...path, key].join('.'), message: 'name must not contain NUL' });
    else errors.push(...unsafeStringErrors(item, [...path, key], depth + 1));
  }
  return errors;
}

/** Parses every part, and reports the offending fields of all of them at once (400). */
export function parseOperationInput<O extends OperationContract>(
  contract: O,
  raw: RawOperationInput | undefined,
): OperationInput<O> {
  const errors: FieldError[] = [];
  const part = (schema: z.ZodType | undefined, value: unknown) => {
    if (!schema) return undefined;
    const unsafe = unsafeStringErrors(value);
    if (unsafe.length > 0) {
      errors.push(...unsafe);
      return undefined;
    }
    const result = schema.safeParse(value);
    if (result.success) return result.data;
    errors.push(...toFieldErrors(result.error));
    return undefined;
  };
  const input = {
    params: part(contract.params, raw?.params ?? {}),
    query: part(contract.query, raw?.query ?? {}),
    body: part(contract.body, raw?.body),
  };
  if (errors.length > 0) throw new InvalidInputError(errors);
  return input as OperationInput<O>;
}
