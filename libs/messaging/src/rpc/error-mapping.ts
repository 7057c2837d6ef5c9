import { HttpException } from '@nestjs/common';
import { RpcException } from '@nestjs/microservices';
import { isProblemDetails, problem, type ProblemDetails } from '@platform/contracts';
import {
  EventTooLargeError,
  isConnectionError,
  StreamOrderConflictError,
  WrongExpectedRevisionError,
} from '@platform/event-store';

/**
 * Turns an error a handler threw into the problem the caller should see, or `undefined` when it does not know
 * the error. `request` is the message payload, for mappings that depend on what was asked.
 */
export type ErrorMapper = (error: unknown, request?: unknown) => ProblemDetails | undefined;

// `never[]` accepts any constructor signature without resorting to `any`.
export type ErrorClass<E extends Error = Error> = abstract new (...args: never[]) => E;
/** A named error class, its status, and what else its problem says (field errors, extensions). */
export type ErrorMapping<E extends Error = Error> = readonly [
  errorClass: ErrorClass<E>,
  status: number,
  extras?: (error: E) => Partial<ProblemDetails>,
];

/** One row of a mapping table, typed so that `extras` sees the error's own fields. */
export function onError<E extends Error>(
  errorClass: ErrorClass<E>,
  status: number,
  extras?: (error: E) => Partial<ProblemDetails>,
): ErrorMapping {
  return [errorClass, status, extras as ErrorMapping[2]];
}

/** A mapper from a table of named error classes to statuses; the error's message becomes the detail. */
export function mapErrors(mappings: readonly ErrorMapping[]): ErrorMapper {
  return (error) => {
    const hit = mappings.find(([errorClass]) => error instanceof errorClass);
    if (!hit) return undefined;
    const [, status, extras] = hit;
    const base = problem(status, (error as Error).message);
    return extras ? { ...base, ...extras(error as Error) } : base;
  };
}

/** The event store's own test for "PostgreSQL is not there", also looked for inside wrapped errors. */
function isPostgresDown(error: unknown, depth = 0): boolean {
  if (isConnectionError(error)) return true;
  if (typeof error !== 'object' || error === null || depth > 5) return false;
  const nested =
    (error as { cause?: unknown; errors?: unknown }).cause ?? (error as { errors?: unknown[] }).errors?.[0];
  return nested !== undefined && isPostgresDown(nested, depth + 1);
}

function fromHttpException(error: HttpException): ProblemDetails {
  const body = error.getResponse();
  if (isProblemDetails(body)) return body;
  const message = (body as { message?: unknown } | null)?.message;
  const detail = Array.isArray(message) ? message.join('; ') : typeof message === 'string' ? message : error.message;
  return problem(error.getStatus(), typeof body === 'string' ? body : detail);
}

function fromRpcException(error: RpcException): ProblemDetails {
  const inner = error.getError();
  if (isProblemDetails(inner)) return inner;
  const status = (inner as { status?: unknown } | null)?.status;
  const message = typeof inner === 'string' ? inner : (inner as { message?: unknown } | null)?.message;
  return problem(typeof status === 'number' ? status : 500, typeof message === 'string' ? message : undefined);
}

/** The platform-wide mappings every service shares; a service's own mappers run before these. */
export const platformErrorMapper: ErrorMapper = (error) => {
  if (error instanceof RpcException) return fromRpcException(error);
  // ProblemError (contracts), RpcProblemError (a nested call) and friends carry their problem already.
  const carried = (error as { problem?: unknown } | null)?.problem;
  if (isProblemDetails(carried)) return carried;
  if (isProblemDetails(error)) return error;
  if (error instanceof WrongExpectedRevisionError) {
    return {
      ...problem(409, error.message),
      expectedRevision: error.expected,
      actualRevision: error.actual,
    };
  }
  if (error instanceof EventTooLargeError) {
    return {
      ...problem(413, `${error.message}: send a smaller change`),
      errors: [{ field: '(body)', message: `the change would exceed ${error.limit} bytes` }],
      limitBytes: error.limit,
    };
  }
  if (error instanceof StreamOrderConflictError) return problem(409, `${error.message} (concurrent writes)`);
  if (isPostgresDown(error)) return problem(503, 'PostgreSQL unavailable');
  if (error instanceof HttpException) return fromHttpException(error);
  return undefined;
};

export const INTERNAL_ERROR_DETAIL = 'An unexpected error occurred';

/** First answer of `mappers`, then the platform mappings, else a generic 500 (details stay in the log). */
export function toRpcProblem(error: unknown, request: unknown, mappers: readonly ErrorMapper[]): ProblemDetails {
  for (const mapper of [...mappers, platformErrorMapper]) {
    const mapped = mapper(error, request);
    if (mapped) return mapped;
  }
  return problem(500, INTERNAL_ERROR_DETAIL);
}
