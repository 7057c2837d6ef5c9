import { Pool } from 'pg';
import { StreamOrderConflictError } from '../errors';
import {
  FEED_START,
  type AppendOptions,
  type AppendResult,
  type EventStore,
  type EventStoreTransaction,
  type FeedCheckpoint,
  type InlineProjection,
  type NewEvent,
  type ReadAllResult,
  type ReadStreamOptions,
  type SqlExecutor,
  type StoredEvent,
  type Upcaster,
} from '../port/event-store.port';
import { appendEvents, DEFAULT_MAX_EVENT_BYTES, lockStatements, lockStreams, type AppendSetup } from './append';
import { assertSchemaName, storeTables, type StoreTables } from './identifiers';
import { eventStoreMigrations, runMigrations } from './migrations';
import { isDeadlock, toUnavailable } from './pg-errors';
import { EVENT_COLUMNS, toStoredEvent, tupleToStoredEvent, type EventRow, type EventTuple } from './rows';
import { PrimaryTarget } from './primary-target';
import { hasParameters, withConnection, withDeferredTransaction } from './session';
import { UpcasterChain } from './upcasting';

export interface PostgresEventStoreOptions {
  schema: string;
  inlineProjections?: InlineProjection[];
  upcasters?: Upcaster[];
  currentSchemaVersions?: Record<string, number>;
  /**
   * NOTIFY `<schema>_events` in every appending transaction (default true). PostgreSQL commits notifying
   * transactions one at a time, server-wide, so a write-heavy service turns it off: readers in the same process
   * wake through onCommitted, readers elsewhere poll.
   */
  notify?: boolean;
  /** Largest event accepted, in bytes of its JSON (default DEFAULT_MAX_EVENT_BYTES, 768 KiB). */
  maxEventBytes?: number;
}

export interface PostgresEventStoreConnectOptions extends PostgresEventStoreOptions {
  connectionString: string;
  poolSize?: number;
  applicationName?: string;
  /**
   * Every connection of the pool resolves unqualified names in the store's schema first, so a service's read-model
   * SQL never spells its schema (default true). The store's own statements are always schema-qualified.
   */
  searchPathToSchema?: boolean;
}

// A StreamOrderConflictError clears on a fresh transaction (it gets a newer id), and so does a deadlock between
// two transactions appending to the same streams in opposite orders; a few attempts suffice.
const RETRY_ATTEMPTS = 5;
const READ_AHEAD_BATCHES = 4;

const readAheadKey = (from: FeedCheckpoint, limit: number) => `${from.transactionId}:${from.position}:${limit}`;

export class PostgresEventStore implements EventStore {
  readonly schema: string;
  readonly tables: StoreTables;
  private readonly ctx: AppendSetup;
  private readonly ownsPool: boolean;
  /** With several hosts: which one is the primary (stops looking when the store closes). */
  private target?: PrimaryTarget;
  private readonly committedListeners = new Set<() => void>();
  /** Feed batches being read ahead (see readAll), by the checkpoint and size they were read for. */
  private readonly readAhead = new Map<string, Promise<ReadAllResult>>();

  /** Uses an existing pool; call `migrate()` (or use `connect`) before the first append. */
  constructor(
    readonly pool: Pool,
    options: PostgresEventStoreOptions,
    ownsPool = false,
  ) {
    this.tables = storeTables(options.schema);
    this.schema = options.schema;
    this.ownsPool = ownsPool;
    this.ctx = {
      tables: this.tables,
      upcasters: new UpcasterChain(options.upcasters, options.currentSchemaVersions),
      projections: options.inlineProjections ?? [],
      notify: options.notify ?? true,
      maxEventBytes: options.maxEventBytes ?? DEFAULT_MAX_EVENT_BYTES,
    };
  }

  /** Creates the pool, applies the store's migrations and returns a ready store that owns (and closes) the pool. */
  static async connect(options: PostgresEventStoreConnectOptions): Promise<PostgresEventStore> {
    assertSchemaName(options.schema);
    const settings = {
      max: options.poolSize ?? 10,
      application_name: options.applicationName ?? `event-store:${options.schema}`,
      ...(options.searchPathToSchema === false ? {} : { options: `-c search_path=${options.schema},public` }),
    };
    // Several hosts (a highly available server): the pool follows whichever of them is the primary.
    const target = PrimaryTarget.fromUrl(options.connectionString);
    if (target) await target.resolve();
    const pool = new Pool(
      target ? target.poolConfig(settings) : { connectionString: options.connectionString, ...settings },
    );
    // Idle clients whose server connection drops emit 'error' on the pool; the next checkout reconnects.
    pool.on('error', () => undefined);
    target?.follow(pool);
    const store = new PostgresEventStore(pool, options, true);
    store.target = target;
    try {
      await store.migrate();
      return store;
    } catch (err) {
      await pool.end().catch(() => undefined);
      throw err;
    }
  }

  /** Channel notified at every commit that appended events (LISTEN to wake feed readers). */
  get notificationChannel(): string {
    return this.tables.channel;
  }

  migrate(): Promise<string[]> {
    return runMigrations(this.pool, this.schema, eventStoreMigrations(this.schema));
  }

  /**
   * An append on its own. When no inline projection handles these events it is one statement in its own
   * transaction: one round trip, no BEGIN or COMMIT of ours (the append function locks, checks and inserts).
   */
  async append(streamId: string, events: NewEvent[], options: AppendOptions): Promise<AppendResult> {
    const projected = events.some((e) => this.ctx.projections.some((p) => p.handles.includes(e.type)));
    if (projected || events.length === 0) return this.transaction((tx) => tx.append(streamId, events, options));
    for (let attempt = 1; ; attempt++) {
      try {
        const result = await withConnection(this.pool, (client) =>
          appendEvents(client, this.ctx, streamId, events, options.expectedRevision),
        );
        this.committedListeners.forEach((listener) => listener());
        return result;
      } catch (err) {
        if (!(err instanceof StreamOrderConflictError) || attempt >= RETRY_ATTEMPTS) throw toUnavailable(err);
      }
    }
  }

  /**
   * `work` runs again, in a new transaction, after a StreamOrderConflictError or a deadlock, so keep it free of
   * outside effects. After an order conflict the retry locks the contended streams before its first write, so
   * it cannot meet that conflict on them again.
   */
  async transaction<T>(work: (tx: EventStoreTransaction) => Promise<T>): Promise<T> {
    const contended = new Set<string>();
    for (let attempt = 1; ; attempt++) {
      try {
        let appended = false;
        const result = await withDeferredTransaction(this.pool, async (tx) => {
          if (contended.size > 0) await lockStreams(tx, this.tables, [...contended]);
          return work(this.transactionOn(tx, contended, () => (appended = true)));
        });
        if (appended) this.committedListeners.forEach((listener) => listener());
        return result;
      } catch (err) {
        const retryable = err instanceof StreamOrderConflictError || isDeadlock(err);
        if (!retryable || attempt >= RETRY_ATTEMPTS) throw err;
        if (err instanceof StreamOrderConflictError) contended.add(err.streamId);
      }
    }
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<StoredEvent[]> {
    return this.readStreamWith(this.pool, streamId, options).catch((err: unknown) =>
      Promise.reject(toUnavailable(err)),
    );
  }

  /**
   * A batch of the ordered feed. A full batch means more is likely waiting, so the next one is read ahead, on
   * another connection, while the caller works on this one: a reader going through the feed (the relay catching
   * up, a rebuild, a new subscriber) waits for PostgreSQL about once instead of once per batch. A batch read ahead
   * is as exact as one read when asked: it holds only events below the barrier of its own statement, which are
   * final (every transaction still running then, and every later one, has a higher id), so it is the start of
   * what a read at any later moment would return from that checkpoint.
   */
  async readAll(from: FeedCheckpoint = FEED_START, limit = 1000): Promise<ReadAllResult> {
    const key = readAheadKey(from, limit);
    const ahead = this.readAhead.get(key);
    this.readAhead.delete(key);
    const result: ReadAllResult =
      (await ahead?.catch(() => undefined)) ??
      (await this.readFeedFromPool(from, limit).catch((err: unknown): never => {
        throw toUnavailable(err);
      }));
    if (result.events.length === limit) this.readAheadFrom(result.next, limit);
    return result;
  }

  private readAheadFrom(from: FeedCheckpoint, limit: number): void {
    const key = readAheadKey(from, limit);
    if (this.pool.ended || this.readAhead.has(key)) return;
    // A few readers at most read through one store at a time; batches nobody came back for are dropped.
    while (this.readAhead.size >= READ_AHEAD_BATCHES) this.readAhead.delete(this.readAhead.keys().next().value!);
    const batch = this.readFeedFromPool(from, limit);
    batch.catch(() => undefined); // a failed read ahead is read again when asked for
    this.readAhead.set(key, batch);
  }

  /**
   * The ordered feed read through `sql` (e.g. a subscription's transaction). Only events of transactions older
   * than every transaction still running are returned: the snapshot xmin is taken by the same statement that
   * reads, so whatever sits below it is committed (or rolled back) for good and can never appear later.
   */
  async readFeed(sql: SqlExecutor, from: FeedCheckpoint, limit: number, barrier = true): Promise<ReadAllResult> {
    // Without the barrier (`barrier: false`) the read shows every event committed before the statement, which is
    // right only for a reader that holds the projection tables exclusively (a rebuild) and so cannot be overtaken.
    const { rows } = await sql.query<EventRow>(this.feedSql(barrier), [from.transactionId, from.position, limit]);
    return this.feedBatch(rows.map(toStoredEvent), from);
  }

  /** readFeed on the pool, with rows as arrays (the feed's hot path: less to build per event). */
  private async readFeedFromPool(from: FeedCheckpoint, limit: number): Promise<ReadAllResult> {
    const { rows } = await this.pool.query<EventTuple>({
      text: this.feedSql(true),
      values: [from.transactionId, from.position, limit],
      rowMode: 'array',
    });
    return this.feedBatch(rows.map(tupleToStoredEvent), from);
  }

  private feedSql(barrier: boolean): string {
    // Order by the table's xid8 column: a bare `transaction_id` here would name the text output column and
    // sort "1000" before "998", skipping events and defeating the (transaction_id, position) index.
    return `SELECT ${EVENT_COLUMNS} FROM ${this.tables.events} AS e
       WHERE (e.transaction_id, e.position) > ($1::xid8, $2::bigint)
         ${barrier ? 'AND e.transaction_id < pg_snapshot_xmin(pg_current_snapshot())' : ''}
       ORDER BY e.transaction_id, e.position
       LIMIT $3`;
  }

  private feedBatch(stored: StoredEvent[], from: FeedCheckpoint): ReadAllResult {
    const events = stored.map((e) => this.ctx.upcasters.upcast(e));
    const last = events[events.length - 1];
    return { events, next: last ? { transactionId: last.transactionId, position: last.position } : from };
  }

  async close(): Promise<void> {
    this.target?.close();
    if (this.ownsPool && !this.pool.ended) await this.pool.end();
  }

  /** Called after every commit that appended events, in this process: a cheap wake-up for feed readers. */
  onCommitted(listener: () => void): () => void {
    this.committedListeners.add(listener);
    return () => this.committedListeners.delete(listener);
  }

  private transactionOn(sql: SqlExecutor, alreadyLocked: Set<string>, onAppend: () => void): EventStoreTransaction {
    // Stream locks last until the transaction ends; each is taken once, however often the stream is touched. A lock
    // asked for is sent with the transaction's next statement: in front of it in the same query string when that
    // statement has no parameters (one round trip for BEGIN, the lock and, say, the read of the state a command
    // decides on), else just before it.
    const locked = new Set(alreadyLocked);
    const pending = new Set<string>();
    const takePending = async () => {
      const statements = lockStatements(this.tables, pending);
      pending.clear();
      if (statements) await sql.query(statements);
    };
    const query: SqlExecutor['query'] = async (text, params) => {
      if (pending.size === 0 || typeof text !== 'string' || hasParameters(text, params)) {
        await takePending();
        return sql.query(text, params);
      }
      const statements = lockStatements(this.tables, pending);
      pending.clear();
      return sql.query(`${statements}; ${text}`);
    };
    const lock = async (streamIds: readonly string[]) => {
      for (const id of streamIds) {
        if (!locked.has(id)) pending.add(id);
        locked.add(id);
      }
    };
    return {
      query,
      lockStreams: lock,
      append: async (streamId, events, options) => {
        await lock([streamId]);
        // The append function takes the stream's lock itself when that is the only one still to take.
        const lockedByAppend = events.length > 0 && pending.size === 1 && pending.has(streamId);
        if (lockedByAppend) pending.clear();
        else await takePending();
        const result = await appendEvents(
          sql,
          this.ctx,
          streamId,
          events,
          options.expectedRevision,
          !lockedByAppend,
          options.stateAfter,
        );
        if (result.events.length > 0) onAppend();
        return result;
      },
      readStream: (streamId, options) => this.readStreamWith({ query }, streamId, options ?? {}),
    };
  }

  private async readStreamWith(sql: SqlExecutor, streamId: string, o: ReadStreamOptions): Promise<StoredEvent[]> {
    const { rows } = await sql.query<EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM ${this.tables.events}
       WHERE stream_id = $1 AND revision BETWEEN $2 AND $3 ORDER BY revision`,
      [streamId, o.fromRevision ?? 1, o.toRevision ?? 2147483647],
    );
    return rows.map((r) => this.ctx.upcasters.upcast(toStoredEvent(r)));
  }
}
