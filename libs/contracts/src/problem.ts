// RFC 9457 problem details: the one error shape that crosses the bus and reaches HTTP clients unchanged.

export interface FieldError {
  field: string;
  message: string;
}

export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail?: string;
  errors?: FieldError[];
  [extension: string]: unknown;
}

export const PROBLEM_TYPE_BASE = 'https://errors.assistant-platform.dev/';

const TITLES: Record<number, [slug: string, title: string]> = {
  400: ['validation', 'Invalid request'],
  401: ['unauthorized', 'Unauthorized'],
  403: ['forbidden', 'Forbidden'],
  404: ['not-found', 'Not found'],
  409: ['conflict', 'Conflict'],
  412: ['precondition-failed', 'Precondition failed'],
  413: ['payload-too-large', 'Payload too large'],
  415: ['unsupported-media-type', 'Unsupported media type'],
  422: ['unprocessable', 'Unprocessable request'],
  429: ['rate-limited', 'Too many requests'],
  500: ['internal', 'Internal error'],
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
