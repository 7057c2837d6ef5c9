import type { EventMetadata, StoredEvent } from '../port/event-store.port';

// bigint and xid8 arrive from node-postgres as strings: positions fit a JS number for 2^53 events,
// transaction ids stay decimal strings as the port says.
export const EVENT_COLUMNS =
  'position, transaction_id::text AS transaction_id, stream_id, revision, id, type, schema_version, data, metadata';

export interface EventRow {
  [column: string]: unknown;
  position: string;
  transaction_id: string;
  stream_id: string;
  revision: number;
  id: string;
  type: string;
  schema_version: number;
  data: unknown;
  metadata: EventMetadata;
}

export function toStoredEvent(row: EventRow): StoredEvent {
  return {
    id: row.id,
    streamId: row.stream_id,
    type: row.type,
    schemaVersion: row.schema_version,
    data: row.data,
    metadata: row.metadata,
    revision: row.revision,
    position: Number(row.position),
    transactionId: row.transaction_id,
  };
}

/** A row of EVENT_COLUMNS in `rowMode: 'array'`: no object with named keys is built per row before the event. */
export type EventTuple = [string, string, string, number, string, string, number, unknown, EventMetadata];

export function tupleToStoredEvent(r: EventTuple): StoredEvent {
  return {
    id: r[4],
    streamId: r[2],
    type: r[5],
    schemaVersion: r[6],
    data: r[7],
    metadata: r[8],
    revision: r[3],
    position: Number(r[0]),
    transactionId: r[1],
  };
}
