import type { Route } from '../http/route-table';

type Json = Record<string, unknown>;
const header = (name: string) => ({ $ref: `#/components/headers/${name}` });
// Every answer of /api/v1 carries the request id and the caller's rate-limit budget.
const everyAnswer = () => ({
  'X-Request-Id': header('X-Request-Id'),
  'X-RateLimit-Limit': header('X-RateLimit-Limit'),
  'X-RateLimit-Remaining': header('X-RateLimit-Remaining'),
  'X-RateLimit-Reset': header('X-RateLimit-Reset'),
});
const problem = (description: string, headers: Json = {}) => ({
  description,
  headers: { ...everyAnswer(), ...headers },
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
});

// Operations that read or act without changing the resource they address: If-Match means nothing to them.
const NOT_CONDITIONAL = new Set(['cloneAssistant', 'composeSystemPromptWithVariables']);

/** Writes to an existing resource: they honour If-Match (412 when it no longer matches). */
export const takesIfMatch = (r: Route) => r.method !== 'GET' && !!r.operation.params && !NOT_CONDITIONAL.has(r.id);
/** Creating POSTs: Idempotency-Key makes a repeat safe (422 when the key comes back with another body). */
export const takesIdempotencyKey = (r: Route) => r.method === 'POST' && !!r.location;
const hasBody = (r: Route) => !!r.operation.body && !r.fixed;

const optionalHeader = (name: string, description: string, schema: Json = { type: 'string' }) => ({
  name,
  in: 'header',
  required: false,
  description,
  schema,
});

/** The request headers the gateway reads for this route. */
export function requestHeaders(r: Route): Json[] {
  return [
    optionalHeader('X-Request-Id', 'Your id for this request (1–128 of A-Z a-z 0-9 _ . : -), echoed back'),
    optionalHeader('X-Correlation-Id', 'Carried into the metadata of every event this request causes'),
    ...(takesIfMatch(r)
      ? [
          optionalHeader('If-Match', 'The ETag last read: the write happens only while it is current', {
            type: 'string',
            pattern: '^(\\*|(W/)?"\\d{1,10}"|\\d{1,10})$',
          }),
        ]
      : []),
    ...(r.method === 'GET' && r.etag ? [optionalHeader('If-None-Match', 'ETags already held: 304 while current')] : []),
    ...(takesIdempotencyKey(r)
      ? [
          optionalHeader('Idempotency-Key', 'Repeat with the same key and body: the first answer again', {
            type: 'string',
            minLength: 1,
            maxLength: 255,
          }),
        ]
      : []),
  ];
}

/** The headers of a successful answer. */
export function responseHeaders(r: Route): Json {
  return {
    ...everyAnswer(),
    ...(r.etag ? { ETag: header('ETag') } : {}),
    ...(r.location ? { Location: header('Location') } : {}),
  };
}

/** The problems this route can answer: what every route can, and what its shape and domain add. */
export function problemResponses(r: Route): Record<string, Json> {
  const out: Record<string, Json> = {};
  const validated = r.operation.params || r.operation.query || hasBody(r) || takesIfMatch(r) || takesIdempotencyKey(r);
  if (validated) out['400'] = problem('Invalid input: every offending field is listed in `errors`');
  out['401'] = problem('No or wrong bearer token', {
    'WWW-Authenticate': { description: 'Bearer, as RFC 6750 says', schema: { type: 'string' } },
  });
  out['403'] = problem("The caller's role does not grant the permission this operation needs (named in `permission`)");
  if (r.operation.params) out['404'] = problem("No such resource (or it is another owner's)");
  if (r.errors?.includes(409)) out['409'] = problem('Conflicts with the resource as it is (a status, a unique name)');
  if (takesIfMatch(r)) out['412'] = problem('If-Match no longer matches: read again, then retry');
  if (hasBody(r)) {
    out['413'] = problem('The body (or the change it makes) is over the limit');
    out['415'] = problem('The body is not JSON');
  }
  if (takesIdempotencyKey(r) || r.errors?.includes(422)) out['422'] = problem('Well-formed but cannot be carried out');
  out['414'] = problem('The URL (over 8 KiB) or a path segment (over 100 characters) is too long');
  out['429'] = problem('Too many requests', { 'Retry-After': header('Retry-After') });
  out['500'] = problem('An unexpected error (details are in the service log)');
  if (r.errors?.includes(502)) out['502'] = problem('The model provider failed; the failure is stored (`messageId`)');
  out['503'] = problem('A dependency is down; nothing was half-written');
  out['504'] = problem('The service did not answer in time');
  return out;
}
