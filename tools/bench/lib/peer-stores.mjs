// The two event stores of the peer comparison behind one small interface, so that every workload runs the same
// code against both:
//   append(streamId, events, revision)   exact expected revision; revision 0 = the stream must not exist yet
//   isConflict(err)                      the store's "wrong expected revision" error
//   revisionAfter(streamId, known)       current revision, reading only the events after `known`
//   readFeed(from, batch)                { ids, next, done }: the next batch of the ordered feed (global read)
//   feedStart                            `from` of the first readFeed
//   feedOrder()                          Map(id → [transaction id, id]): the order the store promises for its feed
//   table, query(sql), close()           the events table and plain SQL, for checks and maintenance
// Events come from benchEvent() (lib/events.mjs); each store gets the same id, type, data and metadata.
//
// Each store runs in a process of its own (lib/peer-worker.mjs): Emmett's driver layer (dumbo) installs global
// type parsers on the shared `pg` module (bigint as BigInt, JSON with a BigInt-aware reviver), which would
// otherwise change how our store's rows are parsed too.
import { dist, require } from './env.mjs';

export const PEER_NAME = 'Emmett';
export const PEER_PACKAGE = '@event-driven-io/emmett-postgresql';

/** Our PostgresEventStore as the services run it (no NOTIFY). */
export async function openOurs({ url, poolSize }) {
  const { PostgresEventStore, WrongExpectedRevisionError, FEED_START } = dist('libs/event-store/src/index.js');
  const store = await PostgresEventStore.connect({
    connectionString: url,
    schema: 'bench',
    poolSize,
    notify: false,
    applicationName: 'bench-peer-ours',
  });
  return {
    table: 'bench.events',
    append: (streamId, events, revision) =>
      store.append(streamId, events, { expectedRevision: revision === 0 ? 'no_stream' : revision }),
    isConflict: (err) => err instanceof WrongExpectedRevisionError,
    async revisionAfter(streamId, known) {
      const events = await store.readStream(streamId, { fromRevision: known + 1 });
      return events.length > 0 ? events[events.length - 1].revision : known;
    },
    feedStart: FEED_START,
    async readFeed(from, batch) {
      const { events, next } = await store.readAll(from, batch);
      return { ids: events.map((e) => e.position), next, done: events.length === 0 };
    },
    feedOrder: () => orderOf(store.pool, 'SELECT position AS id, transaction_id::text AS tx FROM bench.events'),
    query: (sql) => store.pool.query(sql),
    close: () => store.close(),
  };
}

/**
 * Emmett's PostgreSQL event store (getPostgreSQLEventStore) on a pg pool of the same size as ours; Emmett would
 * otherwise open pg's default of 10 connections. Its tables live in the database's public schema.
 */
export async function openPeer({ url, poolSize }) {
  const pg = require('pg');
  const { getPostgreSQLEventStore, readMessagesBatch } = require(PEER_PACKAGE);
  const { isExpectedVersionConflictError } = require('@event-driven-io/emmett');
  const { dumbo } = require('@event-driven-io/dumbo');
  const pool = new pg.Pool({ connectionString: url, max: poolSize, application_name: 'bench-peer-emmett' });
  pool.on('error', () => undefined);
  const store = getPostgreSQLEventStore(url, { connectionOptions: { pool } });
  await store.schema.migrate(); // otherwise the first append creates the schema
  // Emmett has no global read on the store object: its consumers pull the feed with readMessagesBatch (ordered
  // by transaction id, then global position; the checkpoint is the last global position read). We call it
  // directly, without the consumer's pause between batches (pullingFrequencyInMs, 50 ms by default).
  const executor = dumbo({ connectionString: url, pool });
  return {
    table: 'emt_messages',
    append: (streamId, events, revision) =>
      store.appendToStream(
        streamId,
        events.map((e) => ({ type: e.type, data: e.data, metadata: { ...e.metadata, messageId: e.id } })),
        { expectedStreamVersion: BigInt(revision) },
      ),
    isConflict: (err) => isExpectedVersionConflictError(err),
    async revisionAfter(streamId, known) {
      const { events } = await store.readStream(streamId, { from: BigInt(known + 1) });
      return events.length > 0 ? Number(events[events.length - 1].metadata.streamPosition) : known;
    },
    feedStart: 0n,
    async readFeed(after, batch) {
      const { messages, currentGlobalPosition } = await readMessagesBatch(executor.execute, {
        after,
        batchSize: batch,
      });
      return {
        ids: messages.map((m) => Number(m.metadata.globalPosition)),
        next: currentGlobalPosition,
        done: messages.length === 0,
      };
    },
    feedOrder: () => orderOf(pool, 'SELECT global_position AS id, transaction_id::text AS tx FROM emt_messages'),
    query: (sql) => pool.query(sql),
    async close() {
      await store.close();
      await pool.end();
    },
  };
}

async function orderOf(pool, sql) {
  const { rows } = await pool.query(sql);
  return new Map(rows.map((r) => [Number(r.id), [BigInt(r.tx), Number(r.id)]]));
}

export const openStore = (which, options) => (which === 'peer' ? openPeer(options) : openOurs(options));
