import { Inject, Injectable } from '@nestjs/common';
import type { RequestMeta } from '@platform/contracts';
import {
  EVENT_STORE,
  WrongExpectedRevisionError,
  type EventStore,
  type EventStoreTransaction,
  type NewEvent,
} from '@platform/event-store';
import { PreconditionFailedError } from './errors';
import { claimIdempotencyKey } from './idempotency';

const MAX_ATTEMPTS = 5;

/** What the runner needs to know about one aggregate of this service. */
export interface AggregateSpec<Doc, State, Command, Event extends { type: string; data: unknown }> {
  /** Read-model table holding the folded aggregate as `doc`, updated in the append transaction. */
  viewTable: string;
  streamId(id: string): string;
  stateOf(doc: Doc | null): State;
  docOf(state: State): Doc | null;
  decide(command: Command, state: State): Event[];
  fold(events: Event[], state: State): State;
  /** Stream revision the document reflects (the expected revision of the next append). */
  revisionOf(doc: Doc): number;
  /** The version a client sees in ETag and sends back in If-Match. */
  versionOf(doc: Doc): number;
  /** Unique-constraint violations of the read model that mean a domain conflict (slug, name). */
  conflicts?(err: unknown): Error | undefined;
}

/**
 * Load → decide → append, in one transaction. The stream lock serialises writers to one aggregate, so writes
 * without If-Match queue up instead of being lost; with If-Match a stale version is a 412.
 * A creating request with an Idempotency-Key returns the first response on a repeat.
 */
@Injectable()
export class CommandRunner {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute<Doc, State, Command, Event extends { type: string; data: unknown }, Dto>(
    spec: AggregateSpec<Doc, State, Command, Event>,
    id: string,
    meta: RequestMeta,
    build: (current: Doc | null) => NoInfer<Command>,
    toDto: (doc: Doc) => Dto,
  ): Promise<Dto> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.store.transaction((tx) =>
          claimIdempotencyKey(tx, meta, async () => toDto(await this.once(tx, spec, id, meta, build))),
        );
      } catch (err) {
        const conflict = spec.conflicts?.(err);
        if (conflict) throw conflict;
        if (!(err instanceof WrongExpectedRevisionError)) throw err;
        if (meta.expectedVersion !== undefined) throw new PreconditionFailedError(meta.expectedVersion, null);
        if (attempt >= MAX_ATTEMPTS) throw err;
      }
    }
  }

  private async once<Doc, State, Command, Event extends { type: string; data: unknown }>(
    tx: EventStoreTransaction,
    spec: AggregateSpec<Doc, State, Command, Event>,
    id: string,
    meta: RequestMeta,
    build: (current: Doc | null) => Command,
  ): Promise<Doc> {
    await tx.lockStreams([spec.streamId(id)]);
    const { rows } = await tx.query<{ doc: Doc }>(`SELECT doc FROM ${spec.viewTable} WHERE id = $1`, [id]);
    const current = rows[0]?.doc ?? null;
    if (meta.expectedVersion !== undefined && (current === null || spec.versionOf(current) !== meta.expectedVersion)) {
      throw new PreconditionFailedError(meta.expectedVersion, current === null ? null : spec.versionOf(current));
    }
    const state = spec.stateOf(current);
    const events = spec.decide(build(current), state);
    if (events.length === 0 && current) return current;
    const occurredAt = new Date().toISOString();
    const toStore: NewEvent[] = events.map((e) => ({
      type: e.type,
      data: e.data,
      metadata: { correlationId: meta.correlationId, causationId: meta.requestId, actorId: meta.actorId, occurredAt },
    }));
    await tx.append(spec.streamId(id), toStore, { expectedRevision: current ? spec.revisionOf(current) : 'no_stream' });
    const next = spec.docOf(spec.fold(events, state));
    if (next === null) throw new Error(`${spec.streamId(id)} has no state after its own events`);
    return next;
  }
}
