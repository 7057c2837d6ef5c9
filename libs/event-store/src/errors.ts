import type { ExpectedRevision } from './port/event-store.port';

export class WrongExpectedRevisionError extends Error {
  override readonly name = 'WrongExpectedRevisionError';
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedRevision,
    readonly actual: number | null,
  ) {
    super(`Stream ${streamId}: expected revision ${String(expected)}, actual ${actual ?? 'no stream'}`);
  }
}

/**
 * The store could not be reached or failed mid-transaction; nothing was written. The one exception is a
 * connection lost during COMMIT, whose outcome the client cannot know: retrying with the same event ids is safe
 * (a DuplicateEventIdError then means the first attempt did commit).
 */
export class EventStoreUnavailableError extends Error {
  override readonly name = 'EventStoreUnavailableError';
  constructor(override readonly cause: unknown) {
    super(`Event store unavailable: ${cause instanceof Error ? cause.message : String(cause)}`);
  }
}

/**
 * A transaction tried to append to a stream that a newer transaction (higher transaction id) had already appended
 * to and committed. The feed is ordered by transaction id, so appending would put the stream's revisions out of
 * order there; the transaction is refused instead, and running it again as a new transaction succeeds.
 * `PostgresEventStore.append` and `.transaction` retry it themselves a few times before surfacing it.
 */
export class StreamOrderConflictError extends Error {
  override readonly name = 'StreamOrderConflictError';
  constructor(readonly streamId: string) {
    super(`Stream ${streamId} was appended to by a newer transaction; retry the transaction`);
  }
}

/** An event id that is already stored (event ids are unique across all streams). */
export class DuplicateEventIdError extends Error {
  override readonly name = 'DuplicateEventIdError';
  constructor(
    readonly streamId: string,
    readonly detail: string,
  ) {
    super(`Stream ${streamId}: event id already stored (${detail})`);
  }
}

/**
 * An event larger than the store accepts. The limit keeps every event publishable on the bus (below NATS
 * max_payload with the envelope around it); it is checked before anything is written.
 */
export class EventTooLargeError extends Error {
  override readonly name = 'EventTooLargeError';
  constructor(
    readonly streamId: string,
    readonly type: string,
    readonly bytes: number,
    readonly limit: number,
  ) {
    super(`Event ${type} of ${streamId} would be ${bytes} bytes; the limit is ${limit} bytes`);
  }
}
