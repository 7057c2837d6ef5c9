// The envelope of every domain event on the JetStream stream: what the relay publishes and any consumer reads.

export interface BusEventEnvelope<TType extends string = string, TData = unknown> {
  id: string;
  streamId: string;
  type: TType;
  schemaVersion: number;
  data: TData;
  metadata: Record<string, unknown>;
  revision: number;
  position: number;
}

/** Whether a decoded message body has the envelope's fields (its data is checked by the event's contract). */
export function isBusEventEnvelope(value: unknown): value is BusEventEnvelope {
  const e = value as Partial<BusEventEnvelope> | null;
  return (
    typeof e === 'object' &&
    e !== null &&
    typeof e.id === 'string' &&
    typeof e.streamId === 'string' &&
    typeof e.type === 'string' &&
    typeof e.revision === 'number' &&
    typeof e.position === 'number' &&
    typeof e.metadata === 'object'
  );
}
