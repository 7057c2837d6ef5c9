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
export declare function isBusEventEnvelope(value: unknown): value is BusEventEnvelope;
