import type { InlineProjection, SqlExecutor } from '../port/event-store.port';
import { FEED_START } from '../port/event-store.port';
import type { PostgresEventStore } from '../postgres/postgres-event-store';

/**
 * Rebuilds inline projections from position 0 in one transaction: `reset` empties their tables (TRUNCATE, which
 * locks them exclusively), then every committed event goes through `apply` again in feed order. Readers see the
 * old read model until the commit and the rebuilt one after; appenders wait on the locks and apply their own
 * events on top. The feed is read without the running-transaction barrier: a transaction waiting on our locks
 * would otherwise hold the barrier, and us, for ever. The feed goes through the store's upcasters, so the
 * projections see every old event at its current version: connect the store with them.
 */
export async function rebuildProjections(
  store: PostgresEventStore,
  projections: readonly InlineProjection[],
  reset: (sql: SqlExecutor) => Promise<void>,
  batchSize = 1000,
): Promise<number> {
  return store.transaction(async (tx) => {
    await reset(tx);
    let from = FEED_START;
    let count = 0;
    for (;;) {
      const { events, next } = await store.readFeed(tx, from, batchSize, false);
      if (events.length === 0) return count;
      for (const projection of projections) {
        const handled = events.filter((e) => projection.handles.includes(e.type));
        if (handled.length > 0) await projection.apply(handled, tx);
      }
      count += events.length;
      from = next;
    }
  });
}
