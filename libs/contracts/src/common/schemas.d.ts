import { z } from 'zod';
import { type FieldError, type ProblemDetails } from '../problem';
/** Versions and revisions are PostgreSQL integers. */
export declare const MAX_VERSION = 2147483647;
export declare const uuidSchema: z.ZodUUID;
export declare const limitSchema: z.ZodDefault<z.ZodCoercedNumber<unknown>>;
export declare const cursorSchema: z.ZodOptional<z.ZodString>;
/** Zod issues → the `errors` list of a problem document, one entry per offending field. */
export declare function toFieldErrors(error: z.ZodError, prefix?: string): FieldError[];
/** An error that already knows its problem document; the edge sends it as is. */
export declare class ProblemError extends Error {
    readonly problem: ProblemDetails;
    constructor(problem: ProblemDetails);
}
export declare class InvalidInputError extends ProblemError {
    constructor(errors: FieldError[], detail?: string);
}
/** Parses with a schema or throws InvalidInputError listing every offending field. */
export declare function parseInput<S extends z.ZodType>(schema: S, value: unknown, prefix?: string): z.output<S>;
