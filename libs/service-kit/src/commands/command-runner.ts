import { Inject, Injectable } from '@nestjs/common';
import { canSee, type RequestMeta } from '@platform/contracts';
import {
  EVENT_STORE,
  sqlLiteral,
  WrongExpectedRevisionError,
  type EventStore,
  type EventMetadata,
  type EventStoreTransaction,
  type NewEvent,
  type SqlExecutor,
} from '@platform/event-store';
import { PreconditionFailedError } from '../errors';
import { streamIdOf, type Aggregate, type DomainEvent } from './aggregate';
import { claimIdempotencyKey } from './idempotency';

const MAX_ATTEMPTS = 5;

/**
 * What every stored event records of the request that caused it: who acted (the key, its role and owner), the
 * correlation id, the request as causation, and when. The audit trail and the live stream read these.
 */
export function eventMetadata(meta: RequestMeta, now: string): EventMetadata {
  return {
    correlationId: meta.correlationId,
    causationId: meta.requestId,
    actorId: meta.actorId,
    ...(meta.actorRole ? { actorRole: meta.actorRole } : {}),
    ...(meta.actorOwnerId ? { actorOwnerId: meta.actorOwnerId } : {}),
    occurredAt: now,
  };
}

/**
 * What a command is built from: the aggregate's id, the request's time and meta, and the current document. `sql`
 * is the command's transaction, the aggregate's stream lock held: what a command reads there (other rows of the
 * aggregate's read model, say) cannot change before its events are stored.
 */
export interface CommandContext<Doc> {
  id: string;
  now: string;
  meta: RequestMeta;
  current: Doc | null;
  sql: SqlExecutor;
}

/** Builds the command, at once or after reading under the lock (`CommandContext.sql`). */
export type CommandBuilder<Doc, Command> = (context: CommandContext<Doc>) => Command | Promise<Command>;

/**
 * Load → decide → fold → append, in one transaction. The stream lock serialises writers to one aggregate, so
 * writes without If-Match queue up instead of being lost; with If-Match a stale version is a 412. The events are
 * folded once, here, and the new state travels with the append to the aggregate's view projection.
 * A creating request with an Idempotency-Key returns the first response on a repeat.
 */
@Injectable()
export class CommandRunner {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  /** Runs one command and answers with `aggregate.toResponse` of the aggregate afterwards, or with `respond`. */
  execute<Doc, State, Command, Event extends DomainEvent, R>(
    aggregate: Aggregate<Doc, State, Command, Event, R>,
    id: string,
    meta: RequestMeta,
    build: CommandBuilder<Doc, NoInfer<Command>>,
  ): Promise<R>;
  execute<Doc, State, Command, Event extends DomainEvent, T>(
    aggregate: Aggregate<Doc, State, Command, Event>,
    id: string,
    meta: RequestMeta,
    build: CommandBuilder<Doc, NoInfer<Command>>,
    respond: (doc: Doc, events: readonly Event[]) => T,
  ): Promise<T>;
  async execute<Doc, State, Command, Event extends DomainEvent>(
    aggregate: Aggregate<Doc, State, Command, Event>,
    id: string,
    meta: RequestMeta,
    build: CommandBuilder<Doc, Command>,
    respond: (doc: Doc, events: readonly Event[]) => unknown = (doc) => aggregate.toResponse(doc),
  ): Promise<unknown> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.store.transaction((tx) =>
          claimIdempotencyKey(tx, meta, async () => {
            const { doc, events } = await this.once(tx, aggregate, id, meta, build);
            return respond(doc, events);
          }),
        );
      } catch (err) {
        const conflict = aggregate.conflicts?.(err);
        if (conflict) throw conflict;
        if (!(err instanceof WrongExpectedRevisionError)) throw err;
        if (meta.expectedVersion !== undefined) throw new PreconditionFailedError(meta.expectedVersion, null);
        if (attempt >= MAX_ATTEMPTS) throw err;
      }
    }
  }

  private async once<Doc, State, Command, Event extends DomainEvent>(
    tx: EventStoreTransaction,
    aggregate: Aggregate<Doc, State, Command, Event>,
    id: string,
    meta: RequestMeta,
    build: CommandBuilder<Doc, Command>,
  ): Promise<{ doc: Doc; events: Event[] }> {
    const streamId = streamIdOf(aggregate, id);
    await tx.lockStreams([streamId]);
    // The id as a literal: a statement without parameters travels with BEGIN and the lock, in one round trip.
    const { rows } = await tx.query<{ doc: Doc; revision: number }>(
      `SELECT doc, revision FROM ${aggregate.table} WHERE id = ${sqlLiteral(id)}`,
    );
    const current = rows[0]?.doc ?? null;
    // Another owner's aggregate does not exist for this caller: not even its version is disclosed (404, not 412).
    if (current && aggregate.owner && !canSee(meta, aggregate.owner.of(current))) throw aggregate.owner.notFound(id);
    const expected = meta.expectedVersion;
    if (expected !== undefined && (current === null || aggregate.versionOf(current) !== expected)) {
      throw new PreconditionFailedError(expected, current === null ? null : aggregate.versionOf(current));
    }
    const now = new Date().toISOString();
    const state = aggregate.stateOf(current);
    const events = aggregate.decide(await build({ id, now, meta, current, sql: tx }), state);
    if (events.length === 0 && current) return { doc: current, events };
    const next = aggregate.fold(events, state);
    const toStore: NewEvent[] = events.map((e) => ({ type: e.type, data: e.data, metadata: eventMetadata(meta, now) }));
    await tx.append(streamId, toStore, { expectedRevision: rows[0]?.revision ?? 'no_stream', stateAfter: next });
    const doc = aggregate.docOf(next);
    if (doc === null) throw new Error(`${streamId} has no state after its own events`);
    return { doc, events };
  }
}
