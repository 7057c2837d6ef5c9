import { z } from 'zod';
import { problem as problemOf, type FieldError, type ProblemDetails } from '../problem';

/** Versions and revisions are PostgreSQL integers. */
export const MAX_VERSION = 2_147_483_647;

export const uuidSchema = z.uuid({ message: 'must be a UUID' });
export const limitSchema = z.coerce.number().int().min(1).max(100).default(20);
export const cursorSchema = z.string().min(1).max(512).optional();

const tag = z.string().trim().min(1).max(64);
/**
 * `?tag=a&tag=b`: items carrying all of the tags. A query string gives one value as a string and a repeated key
 * as an array; both become an array here.
 */
export const tagFilterSchema = z
  .union([tag, z.array(tag).max(32)], { error: 'one tag, or up to 32, each of 1 to 64 characters' })
  .transform((value) => (typeof value === 'string' ? [value] : value))
  .optional();

/** Zod issues → the `errors` list of a problem document, one entry per offending field. */
export function toFieldErrors(error: z.ZodError, prefix?: string): FieldError[] {
  const out: FieldError[] = [];
  for (const issue of error.issues) {
    const path = [...(prefix ? [prefix] : []), ...issue.path.map(String)];
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) out.push({ field: [...path, key].join('.'), message: 'unknown field' });
      continue;
    }
    out.push({ field: path.join('.') || '(body)', message: issue.message });
  }
  return out;
}

/** An error that already knows its problem document; the edge sends it as is. */
export class ProblemError extends Error {
  constructor(readonly problem: ProblemDetails) {
    super(problem.detail ?? problem.title);
    this.name = 'ProblemError';
  }
}

export class InvalidInputError extends ProblemError {
  constructor(errors: FieldError[], detail = 'The request has invalid fields') {
    super(problemOf(400, detail, errors));
    this.name = 'InvalidInputError';
  }
}

/** Parses with a schema or throws InvalidInputError listing every offending field. */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown, prefix?: string): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw new InvalidInputError(toFieldErrors(result.error, prefix));
  return result.data;
}
