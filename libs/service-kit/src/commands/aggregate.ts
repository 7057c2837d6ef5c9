import type { InlineProjection, SqlExecutor, StoredEvent } from '@platform/event-store';

/** A domain event as a decider emits it. */
export interface DomainEvent {
  type: string;
  data: unknown;
}

/**
 * Everything the kit needs to know about one aggregate of a service. Its read-model table (`table`, unqualified:
 * each service's connections resolve names in its own schema) keeps the folded aggregate as `doc` and the stream
 * `revision` that doc reflects, so a command loads its state with one read and never replays the stream.
 */
export interface Aggregate<Doc, State, Command, Event extends DomainEvent, Response = unknown> {
  /** Streams are `<category>-<id>`. */
  category: string;
  table: string;
  /** Every event type of the aggregate (the view projection handles these). */
  eventTypes: readonly string[];
  stateOf(doc: Doc | null): State;
  docOf(state: State): Doc | null;
  decide(command: Command, state: State): Event[];
  fold(events: readonly Event[], state: State): State;
  /** The version a client sees in ETag and sends back in If-Match. */
  versionOf(doc: Doc): number;
  /** The answer to a command, from the aggregate as it is afterwards. */
  toResponse(doc: Doc): Response;
  /** Writes the read model (the `table` row with `doc` and `revision`, and any side tables) in the append's transaction. */
  write(sql: SqlExecutor, doc: Doc, revision: number, events: readonly StoredEvent[]): Promise<void>;
  /**
   * Whose the aggregate is, and the error that says it does not exist: a viewer or editor key with an owner is
   * answered that error for another owner's aggregate (see `canSee` in the contracts), whatever the command.
   */
  owner?: { of(doc: Doc): string | null; notFound(id: string): Error };
  /** Unique-constraint violations of the read model that mean a domain conflict (slug, name). */
  conflicts?(err: unknown): Error | undefined;
}

export const streamIdOf = (aggregate: { category: string }, id: string) => `${aggregate.category}-${id}`;

/**
 * The aggregate's read model as an inline projection. In a command, the runner has folded the new state already
 * and hands it over (`stateAfter`), so the projection only writes; during a rebuild it loads the row and folds.
 */
export function aggregateView<Doc, State, Event extends DomainEvent>(
  aggregate: Aggregate<Doc, State, never, Event>,
): InlineProjection {
  return {
    name: `${aggregate.category}-view`,
    handles: aggregate.eventTypes,
    async apply(events, sql, context) {
      const byStream = new Map<string, StoredEvent[]>();
      for (const e of events) byStream.set(e.streamId, [...(byStream.get(e.streamId) ?? []), e]);
      for (const [streamId, streamEvents] of byStream) {
        let state = context?.stateAfter as State | undefined;
        if (state === undefined) {
          const id = streamId.slice(aggregate.category.length + 1);
          const { rows } = await sql.query<{ doc: Doc }>(
            `SELECT doc FROM ${aggregate.table} WHERE id = $1 FOR UPDATE`,
            [id],
          );
          state = aggregate.fold(streamEvents as unknown as Event[], aggregate.stateOf(rows[0]?.doc ?? null));
        }
        const doc = aggregate.docOf(state);
        if (doc !== null) await aggregate.write(sql, doc, streamEvents[streamEvents.length - 1].revision, streamEvents);
      }
    },
  };
}
