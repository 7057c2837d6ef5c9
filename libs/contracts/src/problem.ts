import { z } from 'zod';

// RFC 9457 problem details: the one error shape that crosses the bus and reaches HTTP clients unchanged.

export const fieldErrorSchema = z
  .strictObject({
    field: z.string().meta({ description: 'Dotted path of the offending input field, or "(body)"' }),
    message: z.string(),
  })
  .meta({ id: 'FieldError' });

const problemFields = {
  type: z.string(),
  title: z.string(),
  status: z.number().int().min(400).max(599),
  detail: z.string().optional(),
  errors: z.array(fieldErrorSchema).optional(),
};

/** A problem as services raise it and the bus carries it; extension members (`line`, say) are allowed. */
export const problemDetailsSchema = z.looseObject(problemFields);

/** A problem as HTTP clients get it: the gateway adds `instance`, the path of the request that failed. */
export const problemSchema = z.looseObject({ ...problemFields, instance: z.string() }).meta({ id: 'Problem' });

export type FieldError = z.output<typeof fieldErrorSchema>;
export type ProblemDetails = z.output<typeof problemDetailsSchema>;
export type ProblemDocument = z.output<typeof problemSchema>;

export const PROBLEM_TYPE_BASE = 'https://errors.assistant-platform.dev/';

const TITLES: Record<number, [slug: string, title: string]> = {
  400: ['validation', 'Invalid request'],
  401: ['unauthorized', 'Unauthorized'],
  403: ['forbidden', 'Forbidden'],
  404: ['not-found', 'Not found'],
  405: ['method-not-allowed', 'Method not allowed'],
  409: ['conflict', 'Conflict'],
  412: ['precondition-failed', 'Precondition failed'],
  413: ['payload-too-large', 'Payload too large'],
  415: ['unsupported-media-type', 'Unsupported media type'],
  422: ['unprocessable', 'Unprocessable request'],
  429: ['rate-limited', 'Too many requests'],
  500: ['internal', 'Internal error'],
  502: ['bad-gateway', 'Upstream failure'],
  503: ['unavailable', 'Service unavailable'],
  504: ['timeout', 'Service timeout'],
};

export function problem(status: number, detail?: string, errors?: FieldError[]): ProblemDetails {
  const [slug, title] = TITLES[status] ?? ['error', 'Error'];
  return {
    type: PROBLEM_TYPE_BASE + slug,
    title,
    status,
    ...(detail !== undefined ? { detail } : {}),
    ...(errors && errors.length ? { errors } : {}),
  };
}

export function isProblemDetails(value: unknown): value is ProblemDetails {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as ProblemDetails).status === 'number' &&
    typeof (value as ProblemDetails).title === 'string'
  );
}
