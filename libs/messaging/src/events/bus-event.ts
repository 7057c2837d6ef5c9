import { isBusEventEnvelope } from '@platform/contracts';
import type { StoredEvent } from '@platform/event-store';
import { headers as natsHeaders, type MsgHdrs } from 'nats';

/** A domain event as it travels on the bus: the stored event without the store's internal transaction id. */
export type BusEvent<TType extends string = string, TData = unknown> = Omit<StoredEvent<TType, TData>, 'transactionId'>;

export const EVENT_HEADERS = {
  type: 'Event-Type',
  streamId: 'Event-Stream-Id',
  correlationId: 'Correlation-Id',
} as const;

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export function toBusEvent(event: StoredEvent): BusEvent {
  const { id, streamId, type, schemaVersion, data, metadata, revision, position } = event;
  return { id, streamId, type, schemaVersion, data, metadata, revision, position };
}

export function encodeBusEvent(event: BusEvent): Uint8Array {
  return encoder.encode(JSON.stringify(toBusEvent(event as StoredEvent)));
}

export class MalformedBusEventError extends Error {
  override readonly name = 'MalformedBusEventError';
}

/** Parses a message body published by the relay; throws MalformedBusEventError on anything else. */
export function decodeBusEvent(body: Uint8Array): BusEvent {
  let value: unknown;
  try {
    value = JSON.parse(decoder.decode(body));
  } catch (err) {
    throw new MalformedBusEventError(`Bus event is not JSON: ${(err as Error).message}`);
  }
  if (!isBusEventEnvelope(value)) {
    throw new MalformedBusEventError('Bus event lacks id, streamId, type, revision, position or metadata');
  }
  return value as BusEvent;
}

export function busEventHeaders(event: BusEvent): MsgHdrs {
  const h = natsHeaders();
  h.set(EVENT_HEADERS.type, event.type);
  h.set(EVENT_HEADERS.streamId, event.streamId);
  const correlationId = event.metadata?.correlationId;
  if (typeof correlationId === 'string' && correlationId) h.set(EVENT_HEADERS.correlationId, correlationId);
  return h;
}
