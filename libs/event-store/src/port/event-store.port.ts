// The port every adapter (PostgreSQL today, KurrentDB/EventStoreDB later) implements.
// Revisions are 1-based: the first event of a stream has revision 1, so an aggregate's version is its stream revision.

export type ExpectedRevision = 'no_stream' | 'any' | 'stream_exists' | number;

export interface EventMetadata {
  correlationId: string;
  causationId: string | null;
  actorId: string;
  occurredAt: string; // ISO 8601 UTC
  [extra: string]: unknown;
}

export interface NewEvent<TType extends string = string, TData = unknown> {
  id?: string; // uuid v7 assigned by the store when absent
  type: TType;
  data: TData;
  schemaVersion?: number; // defaults to the current version registered for the type, else 1
  metadata: EventMetadata;
}

export interface StoredEvent<TType extends string = string, TData = unknown> {
  id: string;
  streamId: string; // `<category>-<uuid>`
  type: TType;
  schemaVersion: number;
  data: TData;
  metadata: EventMetadata;
  revision: number;
  position: number; // global sequence, unique; NOT commit order on its own, see FeedCheckpoint
  transactionId: string; // xid8 of the appending transaction, as decimal string
}

/**
 * A place in the ordered feed. The feed is ordered by (transactionId, position) and only shows events of
 * transactions older than every still-running one, so an event that commits late is never skipped.
 */
export interface FeedCheckpoint {
  transactionId: string;
  position: number;
}

export const FEED_START: FeedCheckpoint = Object.freeze({ transactionId: '0', position: 0 });

export interface AppendOptions {
  expectedRevision: ExpectedRevision;
  /**
   * The stream's state after these events, when the appender has already folded it (a command runner has):
   * inline projections receive it and need neither read the previous state nor fold again.
   */
  stateAfter?: unknown;
}

export interface AppendResult {
  nextExpectedRevision: number;
  events: StoredEvent[];
}

export interface ReadStreamOptions {
  fromRevision?: number; // inclusive
  toRevision?: number; // inclusive
}

export interface ReadAllResult {
  events: StoredEvent[];
  next: FeedCheckpoint; // pass back as `from` to continue
}

/**
 * A statement each connection parses and plans once, then runs by its name: for the hot, fixed statements of a
 * write path. The name must stand for this one text on every connection it is sent on.
 */
export interface NamedStatement {
  name: string;
  text: string;
  values: unknown[];
}

/** Minimal SQL surface a projection or subscriber writes through (a pg PoolClient satisfies it). */
export interface SqlExecutor {
  query<R extends Record<string, unknown> = Record<string, unknown>>(
    text: string | NamedStatement,
    params?: unknown[],
  ): Promise<{ rows: R[]; rowCount: number | null }>;
}

/** What an inline projection is told about the append it runs in; empty during a rebuild. */
export interface AppendContext {
  /** AppendOptions.stateAfter of this append (all `events` then belong to one stream). */
  stateAfter?: unknown;
}

/** Runs inside the append transaction: read-your-writes for a service's own read models. */
export interface InlineProjection {
  name: string;
  handles: readonly string[];
  apply(events: StoredEvent[], sql: SqlExecutor, context?: AppendContext): Promise<void>;
}

export interface EventStoreTransaction extends SqlExecutor {
  /**
   * Serialises this transaction with every other writer of these streams until it ends. Take it before reading
   * the state a decision rests on: unlike SELECT … FOR UPDATE it assigns no transaction id, so writers queue up
   * in an order the feed can keep. The locks travel with the transaction's next statement (in the same round trip
   * when that statement has no parameters), so they are held before anything that statement reads or writes.
   */
  lockStreams(streamIds: readonly string[]): Promise<void>;
  append(streamId: string, events: NewEvent[], options: AppendOptions): Promise<AppendResult>;
  readStream(streamId: string, options?: ReadStreamOptions): Promise<StoredEvent[]>;
}

export interface EventStore {
  append(streamId: string, events: NewEvent[], options: AppendOptions): Promise<AppendResult>;
  readStream(streamId: string, options?: ReadStreamOptions): Promise<StoredEvent[]>;
  readAll(from: FeedCheckpoint, limit: number): Promise<ReadAllResult>;
  /** Several appends (and the caller's own SQL) committed together or not at all. */
  transaction<T>(work: (tx: EventStoreTransaction) => Promise<T>): Promise<T>;
  /** Optional in-process wake-up after each commit that appended events; returns the unsubscribe function. */
  onCommitted?(listener: () => void): () => void;
  close(): Promise<void>;
}

/** A catch-up subscriber: its writes and its checkpoint commit in one transaction. */
export interface Subscriber {
  name: string;
  handle(events: StoredEvent[], sql: SqlExecutor): Promise<void>;
}

export type Upcaster = {
  type: string;
  fromVersion: number; // turns fromVersion into fromVersion + 1
  upcast(data: unknown, metadata: EventMetadata): unknown;
};
