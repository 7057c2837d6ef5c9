import { Controller, Delete, Get, HttpCode, Inject, Post, Put, Req, Res, type Type } from '@nestjs/common';
import {
  parseOperationInput,
  type Permission,
  type OperationContract,
  type OperationInput,
  type OperationResult,
  type RequestMeta,
} from '@platform/contracts';
import { RpcClient } from '@platform/messaging';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { RequiresPermission } from './auth.guard';
import { answerAsEventStream, EventStreams, wantsEventStream } from './event-stream';
import { ifNoneMatchHits } from './if-none-match';
import { Meta } from './request-meta';

export const API_BASE = '/api/v1';

/** One REST route of the gateway: an HTTP method and path over one bus operation, and how the answer is shaped. */
export interface Route<O extends OperationContract = OperationContract> {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Under /api/v1, with Fastify parameters (`/assistants/:id`). */
  path: string;
  operation: O;
  /** operationId in the OpenAPI document: a method name for generated clients (`createAssistant`). */
  id: string;
  tag: string;
  /** What the caller's role must grant (see ROLE_PERMISSIONS); checked before the input is read. */
  permission: Permission;
  summary: string;
  description?: string;
  /** Statuses of this operation's domain beyond the ones its shape implies (409 conflicts, 422 unprocessable). */
  errors?: readonly (409 | 422 | 502)[];
  /** 200 unless said; a route with `location` answers 201. */
  status?: 200 | 201 | 204;
  /** The created resource's path under /api/v1, for `Location` (and 201). */
  location?: (result: never, input: OperationInput<O>) => string;
  /** The version the answer carries, sent as `ETag`; on a GET, If-None-Match naming it gets 304. */
  etag?: (result: never) => number;
  /** Fixed input parts this route sends instead of reading them from the request (a GET with a default body). */
  fixed?: { body?: unknown };
  /** How long to wait for the service (default RPC_TIMEOUT_MS): for operations that wait on a model provider. */
  timeoutMs?: number;
  /** The operation that answers as server-sent events, for a request with `Accept: text/event-stream`. */
  eventStream?: OperationContract;
}

/**
 * Typed rows: `route({ method: 'GET', path: '/assistants/:id', operation: AssistantOperations.get, … })`;
 * `location` and `etag` get the answer typed by the operation's response schema.
 */
export function route<O extends OperationContract>(
  r: Omit<Route<O>, 'location' | 'etag'> & {
    location?: (result: OperationResult<O>, input: OperationInput<O>) => string;
    etag?: (result: OperationResult<O>) => number;
  },
): Route {
  return r as unknown as Route;
}

const METHOD = { GET: Get, POST: Post, PUT: Put, DELETE: Delete };

/**
 * One controller for a table of routes: parse the request with the operation's contract (400 naming every
 * offending field), send it over the bus, answer with the status, Location and ETag the route declares, or 304
 * to a GET whose If-None-Match names that ETag.
 * No domain logic lives here; the same table drives the OpenAPI document (openapi/document.ts).
 */
export function routeController(name: string, routes: readonly Route[]): Type {
  @Controller(API_BASE.slice(1))
  class RoutesController {
    constructor(
      @Inject(RpcClient) readonly rpc: RpcClient,
      @Inject(EventStreams) readonly streams: EventStreams,
    ) {}
  }
  Object.defineProperty(RoutesController, 'name', { value: name });
  for (const r of routes) {
    const key = `${r.method} ${r.path}`;
    const status = successStatus(r);
    const descriptor: PropertyDescriptor = {
      async value(this: RoutesController, req: FastifyRequest, meta: RequestMeta, reply: FastifyReply) {
        const raw = { params: req.params, query: req.query, body: req.body, ...r.fixed };
        const input = parseOperationInput(r.operation, raw);
        if (r.eventStream && wantsEventStream(req)) {
          const streamed = { operation: r.eventStream, status, timeoutMs: r.timeoutMs };
          return answerAsEventStream(this.streams, this.rpc, streamed, input, meta, req, reply);
        }
        const result = await this.rpc.send(r.operation.pattern, { meta, body: input }, { timeoutMs: r.timeoutMs });
        if (r.etag) {
          const version = r.etag(result as never);
          reply.header('ETag', `"${version}"`);
          // A read the client already holds: the ETag alone, no body (HEAD comes through here too).
          if (r.method === 'GET' && ifNoneMatchHits(req.headers['if-none-match'], version)) {
            reply.status(304);
            return undefined;
          }
        }
        if (r.location) reply.header('Location', `${API_BASE}${r.location(result as never, input as never)}`);
        return status === 204 ? undefined : result;
      },
      writable: true,
      configurable: true,
    };
    Object.defineProperty(RoutesController.prototype, key, descriptor);
    Req()(RoutesController.prototype, key, 0);
    Meta()(RoutesController.prototype, key, 1);
    Res({ passthrough: true })(RoutesController.prototype, key, 2);
    for (const decorate of [METHOD[r.method](r.path.slice(1)), HttpCode(status), RequiresPermission(r.permission)]) {
      decorate(RoutesController.prototype, key, descriptor);
    }
  }
  return RoutesController;
}

/** The status a route answers with when all goes well. */
export const successStatus = (r: Route): 200 | 201 | 204 => r.status ?? (r.location ? 201 : 200);
