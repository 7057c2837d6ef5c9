import { z } from 'zod';
import { requestMetaSchema } from '../common/envelope';
import type { EventContract } from '../common/event-contracts';
import type { OperationContract } from '../common/operation';
import type { JsonSchema, SchemaComponents } from './schema-components';

// The packets around the contracts' schemas, as they travel: Nest's NATS transport frames requests and replies,
// the event relay frames events. These frames have no zod schema of their own (the code builds them), so they
// are written here; what they carry comes from the contracts.

/** Sizes that bound a message; the gateway's unit test compares the platform's own with the code enforcing them. */
export const BUS_LIMITS = {
  /** NATS refuses a larger message: the server's max_payload, 1 MiB unless the operator changed it. */
  maxPayloadBytes: 1024 * 1024,
  /** The gateway's default BODY_LIMIT_BYTES: it takes no larger request body, and bus callers should not send one. */
  requestBodyBytes: 512 * 1024,
  /** A list reply stops at this many bytes of items, whatever its limit: follow nextCursor. */
  pageBytes: 512 * 1024,
  /** The event store refuses a larger event (its data and metadata as JSON): the command answers 413. */
  eventBytes: 768 * 1024,
} as const;

/** What the command that caused an event was told; the event store's EventMetadata. Other keys may follow. */
export const eventMetadataSchema = z.looseObject({
  correlationId: z.string().meta({ description: "The causing request's correlationId" }),
  causationId: z.string().nullable().meta({ description: "The causing request's requestId" }),
  actorId: z.string().meta({ description: 'Who acted' }),
  occurredAt: z.iso.datetime().meta({ description: 'When the command ran (UTC)' }),
});

const object = (properties: Record<string, JsonSchema>, required: string[], description?: string): JsonSchema => ({
  type: 'object',
  ...(description ? { description } : {}),
  properties,
  required,
  additionalProperties: false,
});

const packetId = {
  type: 'string',
  minLength: 1,
  description: 'Chosen by the caller, unique per request; echoed in the reply',
};
const isDisposed = {
  type: 'boolean',
  description: 'true on the last packet of an answer; every answer here is one packet',
};

/**
 * `{pattern, data: {meta, body: {params, query, body}}, id}`. A part is required when the service would refuse
 * it missing: params and query default to `{}`, body to nothing.
 */
export function requestPayload(operation: OperationContract, components: SchemaComponents): JsonSchema {
  const parts: Record<string, JsonSchema> = {};
  const required: string[] = [];
  for (const [part, absent] of [
    ['params', {}],
    ['query', {}],
    ['body', undefined],
  ] as const) {
    const schema = operation[part];
    if (!schema) continue;
    parts[part] = components.of(schema, 'input');
    if (!schema.safeParse(absent).success) required.push(part);
  }
  const meta = components.named('RequestMeta', components.of(requestMetaSchema, 'input'));
  return object(
    {
      pattern: { type: 'string', const: `rpc.${operation.pattern}` },
      data: object({ meta, body: object(parts, required, 'The input parts the operation takes') }, ['meta', 'body']),
      id: packetId,
    },
    ['pattern', 'data', 'id'],
  );
}

/** `{id, response}`: the answer on success. */
export function replyPayload(operation: OperationContract, components: SchemaComponents): JsonSchema {
  if (!operation.response) throw new Error(`${operation.pattern} has no response schema`);
  return object({ id: packetId, response: components.of(operation.response, 'output'), isDisposed }, [
    'id',
    'response',
  ]);
}

/** `{id, err}`: the problem when the request failed. */
export function errorPayload(problem: JsonSchema): JsonSchema {
  return object({ id: packetId, err: problem, isDisposed }, ['id', 'err']);
}

/** The relay's envelope of one event type at its current version (messaging's BusEvent). */
export function eventPayload(
  type: string,
  category: string,
  contract: EventContract,
  components: SchemaComponents,
): JsonSchema {
  return {
    type: 'object',
    properties: {
      id: { type: 'string', format: 'uuid', description: 'The event id; also the Nats-Msg-Id header' },
      streamId: { type: 'string', pattern: `^${category}-`, description: `The aggregate: \`${category}-<uuid>\`` },
      type: { type: 'string', const: type },
      schemaVersion: {
        type: 'integer',
        const: contract.schemaVersion,
        description: 'The version `data` has; events published before a version change keep their older one',
      },
      data: components.of(contract.schema, 'output'),
      metadata: components.named('EventMetadata', components.of(eventMetadataSchema, 'output')),
      revision: { type: 'integer', minimum: 1, description: "The event's place in its aggregate stream, from 1" },
      position: { type: 'integer', minimum: 1, description: "Its number in its service's event store, unique there" },
    },
    required: ['id', 'streamId', 'type', 'schemaVersion', 'data', 'metadata', 'revision', 'position'],
    description: 'More envelope fields may be added: ignore those you do not know',
  };
}

/** The NATS headers the relay sets (JetStream adds its own, such as Nats-Expected-Stream). */
export function eventHeaders(type: string): JsonSchema {
  return {
    type: 'object',
    properties: {
      'Nats-Msg-Id': { type: 'string', format: 'uuid', description: 'The event id: JetStream drops a repeat' },
      'Event-Type': { type: 'string', const: type },
      'Event-Stream-Id': { type: 'string', description: 'The streamId of the envelope' },
      'Correlation-Id': { type: 'string', description: 'metadata.correlationId, when there is one' },
    },
    required: ['Nats-Msg-Id', 'Event-Type', 'Event-Stream-Id'],
  };
}
