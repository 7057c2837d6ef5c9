import { problemDetailsSchema } from '../problem';
import { derivedBusPrefix } from '../registry/services';
import { busDescription } from './asyncapi-description';
import { BUS_LIMITS, errorPayload, eventHeaders, eventPayload, replyPayload, requestPayload } from './bus-messages';
import { busOperations, publishedEvents, type BusOperation, type PublishedEvent } from './bus-surface';
import { SchemaComponents, type JsonSchema } from './schema-components';

/** A REST route of the gateway over one operation: named in the operation's description. */
export interface DocumentedRoute {
  method: string;
  path: string;
  pattern: string;
  summary: string;
}

export interface AsyncApiOptions {
  /** The installation's bus prefix: the default of the `prefix` parameter. */
  prefix?: string;
  /** The installation's JetStream stream of domain events. */
  eventStream?: string;
  routes?: readonly DocumentedRoute[];
}

export type AsyncApiDocument = { asyncapi: '3.0.0'; [key: string]: unknown };

const pointer = (...path: string[]) => ({
  $ref: `#/${path.map((p) => p.replace(/~/g, '~0').replace(/\//g, '~1')).join('/')}`,
});
const PREFIX = { prefix: pointer('components', 'parameters', 'prefix') };
// The reply travels with the request's id: a caller matches them by it.
const BY_ID = { description: 'The request id, echoed in its reply', location: '$message.payload#/id' };

/**
 * The AsyncAPI 3.0 document of the bus, from the operation and event contracts: one channel per request/reply
 * pattern (with its reply channel) and per event type, every schema generated from the zod schemas that
 * validate them in the code. Without options it describes any installation; the gateway passes its own.
 */
export function asyncApiDocument(options: AsyncApiOptions = {}): AsyncApiDocument {
  const components = new SchemaComponents();
  const problem = components.named('ProblemDetails', components.of(problemDetailsSchema, 'output'));
  const stream = options.eventStream ?? '{PREFIX}_DOMAIN_EVENTS';
  const doc = {
    channels: {} as Record<string, JsonSchema>,
    operations: {} as Record<string, JsonSchema>,
    messages: {
      RpcError: {
        name: 'RpcError',
        summary: 'The request failed',
        correlationId: BY_ID,
        payload: errorPayload(problem),
      },
    } as Record<string, JsonSchema>,
  };
  for (const op of busOperations()) addOperation(doc, op, components, options.routes ?? []);
  for (const event of publishedEvents()) addEvent(doc, event, components, stream);
  return {
    asyncapi: '3.0.0',
    info: {
      title: 'AI assistant platform: message bus',
      version: '1',
      description: busDescription(options.prefix, stream),
    },
    defaultContentType: 'application/json',
    channels: doc.channels,
    operations: doc.operations,
    components: {
      parameters: {
        prefix: {
          description: 'The bus prefix of the installation: BUS_PREFIX, else derived from its database',
          ...(options.prefix ? { default: options.prefix } : {}),
          examples: ['platform', derivedBusPrefix('0123456789abcdef')],
        },
      },
      messages: doc.messages,
      schemas: components.schemas,
    },
    'x-platform-bus': {
      prefix: options.prefix ?? null,
      prefixPattern: '^[a-z0-9_-]+$',
      eventStream: stream,
      eventSubjects: '{prefix}.events.>',
      limits: BUS_LIMITS,
    },
  };
}

type Parts = {
  channels: Record<string, JsonSchema>;
  operations: Record<string, JsonSchema>;
  messages: Record<string, JsonSchema>;
};

function addOperation(
  doc: Parts,
  { operation, summary }: BusOperation,
  c: SchemaComponents,
  routes: readonly DocumentedRoute[],
) {
  const p = operation.pattern;
  const [id, replyId, request, reply] = [`rpc.${p}`, `reply.${p}`, `${p}.request`, `${p}.reply`];
  const served = routes.filter((r) => r.pattern === p);
  doc.messages[request] = { name: request, correlationId: BY_ID, payload: requestPayload(operation, c) };
  doc.messages[reply] = { name: reply, correlationId: BY_ID, payload: replyPayload(operation, c) };
  doc.channels[id] = {
    address: `{prefix}.rpc.${p}`,
    parameters: PREFIX,
    messages: { request: pointer('components', 'messages', request) },
  };
  doc.channels[replyId] = {
    // NATS gives every request its own reply subject (an inbox): no address is known in advance.
    address: null,
    description: `The reply subject (an inbox) the caller gave its \`${p}\` request`,
    messages: { reply: pointer('components', 'messages', reply), error: pointer('components', 'messages', 'RpcError') },
  };
  doc.operations[id] = {
    action: 'receive',
    ...((summary ?? served[0]?.summary) ? { summary: summary ?? served[0].summary } : {}),
    ...(served.length
      ? { description: `Behind ${served.map((r) => `\`${r.method} ${r.path}\``).join(' and ')} of the REST API.` }
      : {}),
    channel: pointer('channels', id),
    messages: [pointer('channels', id, 'messages', 'request')],
    reply: {
      channel: pointer('channels', replyId),
      messages: [pointer('channels', replyId, 'messages', 'reply'), pointer('channels', replyId, 'messages', 'error')],
    },
  };
}

function addEvent(doc: Parts, { type, category, contract }: PublishedEvent, c: SchemaComponents, stream: string) {
  const id = `events.${category}.${type}`;
  doc.messages[type] = {
    name: type,
    title: `${type} v${contract.schemaVersion}`,
    correlationId: { description: 'Correlates with the causing request', location: '$message.header#/Correlation-Id' },
    headers: eventHeaders(type),
    payload: eventPayload(type, category, contract, c),
  };
  doc.channels[id] = {
    address: `{prefix}.events.${category}.${type}`,
    description: `Stored in the JetStream stream ${stream}.`,
    parameters: PREFIX,
    messages: { [type]: pointer('components', 'messages', type) },
  };
  doc.operations[id] = {
    action: 'send',
    summary: `Publishes ${type}`,
    channel: pointer('channels', id),
    messages: [pointer('channels', id, 'messages', type)],
  };
}
