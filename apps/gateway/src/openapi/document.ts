import { ROLES, allows, type Permission } from '@platform/contracts';
import { z } from 'zod';
import { API_BASE, successStatus, type Route } from '../http/route-table';
import { problemResponses, responseHeaders, requestHeaders } from './http-parts';

type Json = Record<string, unknown>;
const COMPONENTS = '#/components/schemas/';

/** Every named response schema (`.meta({ id })` in libs/contracts) as a shared component. */
function namedSchemas(): Record<string, Json> {
  const { schemas } = z.toJSONSchema(z.globalRegistry, { uri: (id) => COMPONENTS + id, unrepresentable: 'any' });
  return Object.fromEntries(
    Object.entries(schemas).map(([id, s]) => {
      const { $schema: _schema, $id: _id, ...schema } = s as Json;
      return [id, schema];
    }),
  );
}

/** An input schema, inline; anything it shares with the components is referenced there. */
function inputSchema(schema: z.ZodType, components: Record<string, Json>): Json {
  const {
    $schema: _schema,
    $defs,
    ...rest
  } = z.toJSONSchema(schema, {
    io: 'input',
    unrepresentable: 'any',
  }) as Json & { $defs?: Record<string, Json> };
  for (const [id, def] of Object.entries($defs ?? {})) components[id] ??= def;
  return JSON.parse(JSON.stringify(rest).replaceAll('"#/$defs/', `"${COMPONENTS}`)) as Json;
}

const rolesWith = (permission: Permission) => ROLES.filter((role) => allows(role, permission));

const idOf = (schema: z.ZodType | undefined): string | undefined =>
  schema ? (z.globalRegistry.get(schema)?.id as string | undefined) : undefined;

/** Fastify's `/assistants/:id` as OpenAPI's `/api/v1/assistants/{id}`. */
const openApiPath = (path: string) => API_BASE + path.replace(/:(\w+)/g, '{$1}');

function parameters(route: Route, components: Record<string, Json>): Json[] {
  const path = Object.entries((route.operation.params as z.ZodObject | undefined)?.shape ?? {}).map(([name, s]) => ({
    name,
    in: 'path',
    required: true,
    schema: inputSchema(s as z.ZodType, components),
  }));
  const query = Object.entries((route.operation.query as z.ZodObject | undefined)?.shape ?? {}).map(([name, s]) => {
    const schema = inputSchema(s as z.ZodType, components);
    const repeatable = JSON.stringify(schema).includes('"array"');
    return {
      name,
      in: 'query',
      required: !(s as z.ZodType).safeParse(undefined).success,
      schema,
      ...(repeatable ? { style: 'form', explode: true } : {}),
    };
  });
  return [...path, ...query, ...requestHeaders(route)];
}

function requestBody(route: Route, components: Record<string, Json>): Json | undefined {
  const body = route.operation.body;
  if (!body || route.fixed) return undefined;
  return {
    required: !body.safeParse(undefined).success,
    content: { 'application/json': { schema: inputSchema(body, components) } },
  };
}

function operation(route: Route, components: Record<string, Json>): Json {
  const status = successStatus(route);
  const responseId = idOf(route.operation.response);
  const success: Json = {
    description: route.summary,
    headers: responseHeaders(route),
    ...(status !== 204 && responseId
      ? {
          content: {
            'application/json': { schema: { $ref: COMPONENTS + responseId } },
            ...(route.eventStream ? { 'text/event-stream': eventStreamContent(responseId) } : {}),
          },
        }
      : {}),
  };
  const body = requestBody(route, components);
  return {
    operationId: route.id,
    summary: route.summary,
    description:
      (route.description ?? `${route.summary}. Served by the bus operation \`${route.operation.pattern}\`.`) +
      ` Needs the permission \`${route.permission}\` (roles: ${rolesWith(route.permission).join(', ')}).`,
    'x-permission': route.permission,
    tags: [route.tag],
    parameters: parameters(route, components),
    ...(body ? { requestBody: body } : {}),
    responses: {
      [String(status)]: success,
      ...(route.etag && route.method === 'GET' ? { '304': notModified } : {}),
      ...problemResponses(route),
    },
  };
}

/** With `Accept: text/event-stream`: the answer as server-sent events. */
const eventStreamContent = (responseId: string): Json => ({
  schema: {
    type: 'string',
    description:
      'Server-sent events: `delta` ({"content": "…"}) for each piece of the reply as the model writes it, then ' +
      `\`message\` with the stored ${responseId}, or \`error\` with a Problem when it fails after the first piece.`,
  },
});

const notModified = {
  description: 'Not modified: the ETag in If-None-Match is still current',
  headers: {
    ETag: { $ref: '#/components/headers/ETag' },
    'X-Request-Id': { $ref: '#/components/headers/X-Request-Id' },
    'X-RateLimit-Limit': { $ref: '#/components/headers/X-RateLimit-Limit' },
    'X-RateLimit-Remaining': { $ref: '#/components/headers/X-RateLimit-Remaining' },
    'X-RateLimit-Reset': { $ref: '#/components/headers/X-RateLimit-Reset' },
  },
};

/** The OpenAPI 3.1 document of every route, built from the route tables and the contracts' schemas. */
export function buildOpenApiDocument(routes: readonly Route[]): Json {
  const components = namedSchemas();
  const paths: Record<string, Record<string, Json>> = {};
  for (const route of routes) {
    (paths[openApiPath(route.path)] ??= {})[route.method.toLowerCase()] = operation(route, components);
  }
  const schemas = referencedOnly(components, paths);
  const tags = [...new Set(routes.map((r) => r.tag))].map((name) => ({ name, description: TAGS[name] ?? name }));
  return {
    openapi: '3.1.0',
    info: {
      title: 'AI assistant platform',
      version: '1',
      description: DESCRIPTION,
      license: { name: 'UNLICENSED', identifier: 'UNLICENSED' },
    },
    servers: [{ url: '/', description: 'this gateway' }],
    security: [{ bearerAuth: [] }],
    tags,
    paths,
    components: { schemas, ...sharedComponents },
  };
}

/** The components the paths use, directly or through each other (the registry also names the bus's schemas). */
function referencedOnly(components: Record<string, Json>, paths: unknown): Record<string, Json> {
  const used = new Set<string>();
  const visit = (value: unknown) => {
    for (const [, id] of JSON.stringify(value).matchAll(/"#\/components\/schemas\/([^"]+)"/g)) {
      if (used.has(id) || !components[id]) continue;
      used.add(id);
      visit(components[id]);
    }
  };
  visit(paths);
  visit({ $ref: `${COMPONENTS}Problem` });
  return Object.fromEntries(Object.entries(components).filter(([id]) => used.has(id)));
}

const TAGS: Record<string, string> = {
  assistants: 'Assistants: persona, model settings, tags, versions, clones, usage',
  prompts: 'Versioned prompts with movable labels',
  'assistant prompts': 'Prompts linked to assistants, suggestions and the composed system prompt',
  'api-keys': 'API keys: bearer tokens with a role, an optional owner, an expiry and a rate limit (admin only)',
  audit: 'Who changed what and when, from the metadata of every domain event (admin, operator)',
};

const DESCRIPTION = [
  'Create, configure, version, clone and search AI assistants, link them to versioned prompts.',
  'Every error is RFC 9457 `application/problem+json`. Lists answer `{data, nextCursor}`; pass `nextCursor` back',
  'as `cursor`. Writes to an existing resource take `If-Match` (412 when stale); creating POSTs take',
  '`Idempotency-Key`. Bodies are at most 512 KiB; a page stops at 512 KiB of items whatever its `limit`.',
  'Every operation names the permission it needs (`x-permission`); roles grant them: viewer reads; editor also',
  'creates and changes assistants, prompts and conversations; operator adds deployments, analytics and the audit',
  'trail; admin can do everything, API keys included; service is an editor for internal callers. A viewer or',
  "editor key with an owner sees only that owner's resources: another owner's answer 404.",
].join(' ');

const sharedComponents = {
  securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', description: 'The admin token or an API key' } },
  headers: {
    ETag: { description: 'The version of the resource read or written, quoted', schema: { type: 'string' } },
    Location: { description: 'Path of the created resource', schema: { type: 'string' } },
    'X-Request-Id': { description: 'The request id (yours when sent, else generated)', schema: { type: 'string' } },
    'X-RateLimit-Limit': { description: 'Requests allowed per minute', schema: { type: 'integer' } },
    'X-RateLimit-Remaining': { description: 'Requests left in this minute', schema: { type: 'integer' } },
    'X-RateLimit-Reset': { description: 'Seconds until the window resets', schema: { type: 'integer' } },
    'Retry-After': { description: 'Seconds to wait before retrying', schema: { type: 'integer' } },
  },
};
