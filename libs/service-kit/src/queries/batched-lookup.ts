import DataLoader from 'dataloader';

/** Most keys one query asks for; a turn with more requests sends several queries. */
const MAX_BATCH = 200;

/**
 * Reads of one document by key that arrive in the same turn of the event loop go to the read model as one query.
 *
 * A service under load receives many requests in one read from the bus and answers them in one write (the bus's
 * PublishCoalescer); without this, each of them would still make its own round trip to PostgreSQL, waking the
 * database and the service once per request. `fetch` reads the documents of the given keys in one statement
 * (`WHERE id = ANY($1)`) and returns them by key; a key it does not return has no document (null). Nothing is
 * cached: every lookup reads what is committed when its batch is sent, at the end of the turn it was asked in.
 * A failing query fails the lookups of its batch, each with the query's error.
 */
export function batchedLookup<K, V>(fetch: (keys: readonly K[]) => Promise<Map<K, V>>): (key: K) => Promise<V | null> {
  const loader = new DataLoader<K, V | null>(
    async (keys) => {
      const found = await fetch(keys);
      return keys.map((key) => found.get(key) ?? null);
    },
    { cache: false, maxBatchSize: MAX_BATCH, batchScheduleFn: (send) => setImmediate(send) },
  );
  return (key) => loader.load(key);
}
