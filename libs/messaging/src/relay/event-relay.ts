import { Logger, type LoggerService } from '@nestjs/common';
import { assertSchemaName, type EventStore, type FeedCheckpoint, type StoredEvent } from '@platform/event-store';
import type { JetStreamClient, NatsConnection } from 'nats';
import { Client, type Pool } from 'pg';
import { busPrefix, eventStreamName, relayWakeSubject } from '../config/bus-config';
import { toBusEvent } from '../events/bus-event';
import { ensureEventStream } from './event-stream';
import { ParkedEvents } from './parked-events';
import { isUnpublishable, publishBatch } from './publish-batch';
import { migrateRelay, readRelayCheckpoint, saveRelayCheckpoint } from './relay-checkpoint';
import { WakeSignal, type Wake } from '@platform/event-store';

export interface EventRelayOptions {
  store: EventStore;
  /** Pool of the store's database: its settings open the relay's own lock/LISTEN connection. */
  pool: Pool;
  schema: string;
  nats: NatsConnection;
  prefix?: string; // bus prefix, default busPrefix()
  batchSize?: number; // events read per feed query (default 100)
  /**
   * How often a leader looks at the feed unprompted (default 1000). Commits wake it at once: those of its own
   * process in-process, those of the service's other instances by a message on the bus (`relayWakeSubject`), and
   * those of a store that NOTIFYs by NOTIFY; the poll is what is left when one of those is lost.
   */
  pollIntervalMs?: number;
  lockRetryMs?: number; // how often a standby instance tries to become leader (default 300)
  duplicateWindowMs?: number; // JetStream dedupe window of the stream (default 10 min)
  maxAgeMs?: number; // retention of the stream (default: none; the event store is the source of truth)
  maxBytes?: number; // storage limit of the stream (default: none)
  retryParkedMs?: number; // how often set-aside events are looked at for a retry (default 1000)
  /**
   * After a wake-up by a commit, how long to wait for more commits before reading (default 0): a steady trickle of
   * writes is then published in batches (one feed read, one checkpoint) rather than one event at a time.
   */
  lingerMs?: number;
  logger?: Pick<LoggerService, 'log' | 'warn' | 'error'>;
}

export interface RelayStats {
  published: number; // events stored by JetStream
  duplicates: number; // events JetStream had already (re-published after a crash or a takeover)
  parked: number; // events set aside as not publishable (and those of their streams waiting behind them)
}

interface Session {
  client: Client;
  lost?: Error;
}

const MAX_BACKOFF_MS = 5000;
const FIRST_RECHECK_MS = 5;
const MAX_RECHECK_MS = 1000;

/**
 * Publishes every committed event of the store's ordered feed to JetStream, in feed order, with the event id
 * as `Nats-Msg-Id`. One instance per schema and stream leads (session advisory lock on its own connection);
 * the others wait to take over. The checkpoint moves only after JetStream acknowledged a whole batch, and it
 * is written through the lock's connection, so a relay that lost its lock can no longer move it.
 * A crash between publish and checkpoint re-publishes at most one batch, which JetStream drops as duplicates
 * (within the duplicate window) and consumers drop by event id after that.
 */
export class EventRelay {
  private readonly prefix: string;
  private readonly stream: string;
  private readonly lockKey: string;
  private readonly channel: string;
  private readonly wakeSubject: string;
  private wakePending = false;
  private readonly js: JetStreamClient;
  private readonly logger: Pick<LoggerService, 'log' | 'warn' | 'error'>;
  private readonly signal = new WakeSignal();
  private loop?: Promise<void>;
  private unsubscribeCommits?: () => void;
  private stopping = false;
  private leader = false;
  private migrated = false;
  private readonly counters: RelayStats = { published: 0, duplicates: 0, parked: 0 };
  private readonly parked: ParkedEvents;
  private blocked = new Set<string>();
  private nextParkedRetry = 0;

  constructor(private readonly options: EventRelayOptions) {
    assertSchemaName(options.schema);
    this.prefix = options.prefix ?? busPrefix();
    this.stream = eventStreamName(this.prefix);
    this.lockKey = `event-relay:${options.schema}:${this.stream}`;
    this.channel = `${options.schema}_events`;
    this.wakeSubject = relayWakeSubject(options.schema, this.prefix);
    this.js = options.nats.jetstream();
    this.logger = options.logger ?? new Logger(`EventRelay(${options.schema})`);
    this.parked = new ParkedEvents(options.schema, this.stream);
  }

  get isLeader(): boolean {
    return this.leader;
  }

  get stats(): RelayStats {
    return { ...this.counters };
  }

  /** Starts competing for leadership and, once leader, publishing. Returns at once. */
  start(): void {
    if (this.loop) return;
    this.stopping = false;
    // Appends made by this process wake the relay at once, or, when another instance leads, that leader by the bus.
    this.unsubscribeCommits = this.options.store.onCommitted?.(() =>
      this.leader ? this.signal.notify() : this.wakeLeader(),
    );
    this.loop = this.run();
  }

  /** Finishes the batch in flight, gives up leadership and closes the relay's connection. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.unsubscribeCommits?.();
    this.unsubscribeCommits = undefined;
    this.signal.interrupt();
    await this.loop;
    this.loop = undefined;
  }

  /**
   * Tells the leading instance (another process) that this one committed: one message for the commits of one turn
   * of the event loop. Lost messages cost only time: the leader's poll finds the events.
   */
  private wakeLeader(): void {
    if (this.wakePending) return;
    this.wakePending = true;
    setImmediate(() => {
      this.wakePending = false;
      try {
        if (!this.options.nats.isClosed()) this.options.nats.publish(this.wakeSubject);
      } catch (err) {
        this.logger.warn(`Could not wake the leading relay: ${describe(err)}`);
      }
    });
  }

  /** The feed position up to which every event is known to be in JetStream. */
  checkpoint(): Promise<FeedCheckpoint> {
    return readRelayCheckpoint(this.options.pool, this.options.schema, this.stream);
  }

  private async run(): Promise<void> {
    while (!this.stopping) {
      const session = await this.openSession();
      if (session) {
        try {
          if (await this.acquire(session)) await this.lead(session);
        } catch (err) {
          this.logger.warn(`Relay session ended: ${describe(err)}`);
        } finally {
          if (this.leader) this.logger.log(`Gave up leadership of ${this.stream}`);
          this.leader = false;
          // Ending the session releases the advisory lock and the LISTEN with it.
          await session.client.end().catch(() => undefined);
        }
      }
      if (!this.stopping) await this.signal.wait(this.options.lockRetryMs ?? 300, false);
    }
  }

  private async openSession(): Promise<Session | undefined> {
    const client = new Client({ ...this.options.pool.options, keepAlive: true, application_name: 'event-relay' });
    const session: Session = { client };
    client.on('error', (err) => {
      session.lost = err;
      this.signal.interrupt();
    });
    client.on('notification', () => this.signal.notify());
    try {
      await client.connect();
      return session;
    } catch (err) {
      this.logger.warn(`Cannot reach PostgreSQL: ${describe(err)}`);
      await client.end().catch(() => undefined);
      return undefined;
    }
  }

  /** Tries the lock until it is ours, the relay stops or the connection drops. */
  private async acquire(session: Session): Promise<boolean> {
    while (!this.stopping && !session.lost) {
      const { rows } = await session.client.query<{ ok: boolean }>(
        'SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS ok',
        [this.lockKey],
      );
      if (rows[0]?.ok) {
        this.leader = true;
        this.logger.log(`Leading the relay of ${this.options.schema} to ${this.stream}`);
        return true;
      }
      await this.signal.wait(this.options.lockRetryMs ?? 300, false);
    }
    return false;
  }

  private async lead(session: Session): Promise<void> {
    if (!this.migrated) {
      await migrateRelay(this.options.pool, this.options.schema);
      this.migrated = true;
    }
    await session.client.query(`LISTEN "${this.channel}"`);
    const wakeUps = this.options.nats.subscribe(this.wakeSubject, { callback: () => this.signal.notify() });
    try {
      await this.publishWhileLeading(session);
    } finally {
      wakeUps.unsubscribe();
    }
  }

  private async publishWhileLeading(session: Session): Promise<void> {
    // This session writes only the checkpoint and the set-aside list: neither needs to wait for the disk. A crash
    // of the server can take back its last few commits (never part of one), and then the relay publishes those
    // batches again, which JetStream drops as duplicates (the dedupe window is minutes, the loss at most a second).
    await session.client.query('SET synchronous_commit TO off');
    const pollIntervalMs = this.options.pollIntervalMs ?? 1000;
    const lingerMs = this.options.lingerMs ?? 0;
    let from = await readRelayCheckpoint(session.client, this.options.schema, this.stream);
    await this.refreshParked(session);
    let streamReady = false;
    let failures = 0;
    let woke: Wake = 'timeout';
    let recheckMs = 0;
    while (!this.stopping && !session.lost) {
      // Told of a commit since the last read? Then an empty read means the event is held back, not absent.
      const hinted = woke === 'notified' || this.signal.takePending();
      woke = 'timeout';
      let count: number;
      try {
        if (!streamReady) await this.ensureStream();
        streamReady = true;
        if (Date.now() >= this.nextParkedRetry) await this.retryParked(session);
        ({ count, next: from } = await this.relayBatch(session, from));
        failures = 0;
      } catch (err) {
        if (session.lost) throw session.lost;
        failures += 1;
        streamReady = false;
        this.logger.warn(`Relay batch failed (attempt ${failures}), retrying from the checkpoint: ${describe(err)}`);
        await this.signal.wait(Math.min(MAX_BACKOFF_MS, 100 * 2 ** (failures - 1)), false);
        continue;
      }
      if (count > 0) {
        recheckMs = 0;
        continue;
      }
      recheckMs = nextRecheck(recheckMs, hinted);
      woke = await this.signal.wait(recheckMs ? Math.min(recheckMs, pollIntervalMs) : pollIntervalMs);
      if (woke === 'notified' && lingerMs > 0 && !this.stopping) await new Promise((r) => setTimeout(r, lingerMs));
    }
  }

  /**
   * Reads the next batch after `from`, publishes it and moves the checkpoint; returns the new position. An event
   * the bus refuses for what it is (and every later event of its aggregate stream) is set aside instead of
   * blocking the feed; a failure of the bus itself moves the checkpoint over what was settled and throws.
   */
  private async relayBatch(session: Session, from: FeedCheckpoint): Promise<{ count: number; next: FeedCheckpoint }> {
    const { events, next } = await this.options.store.readAll(from, this.options.batchSize ?? 100);
    if (events.length === 0) return { count: 0, next: from };
    const sendable = events.filter((e) => !this.blocked.has(e.streamId));
    const outcome = await publishBatch(this.js, sendable.map(toBusEvent), { prefix: this.prefix, stream: this.stream });
    this.counters.published += outcome.published;
    this.counters.duplicates += outcome.duplicates;
    if (session.lost) throw session.lost;

    const refused = new Map<string, string>(); // aggregate stream → why its event was refused
    const results = new Map(sendable.map((e, i) => [e.id, outcome.outcomes[i]]));
    for (const [i, o] of outcome.outcomes.entries()) {
      if (o.status === 'failed' && isUnpublishable(o.error)) refused.set(sendable[i].streamId, describe(o.error));
    }
    // In feed order: done, set aside, or (bus failure) to be retried, which ends what this batch settles.
    const setAside: StoredEvent[] = [];
    let settled = events.length;
    for (const [i, e] of events.entries()) {
      const o = results.get(e.id);
      // Stored, or JetStream had it already: on the bus.
      if (o?.status === 'stored' || o?.status === 'duplicate') continue;
      if (this.blocked.has(e.streamId) || refused.has(e.streamId)) {
        setAside.push(e);
        continue;
      }
      settled = i;
      break;
    }
    const to = settled === events.length ? next : settled === 0 ? from : checkpointOf(events[settled - 1]);
    await this.settle(session, setAside, refused, to);
    if (settled < events.length) {
      const failure = outcome.outcomes.find((o) => o.status === 'failed') as { error: unknown } | undefined;
      throw failure?.error ?? new Error('publishing stopped');
    }
    return { count: events.length, next };
  }

  /** Records the set-aside events and the new checkpoint together (one transaction), through the lock's connection. */
  private async settle(
    session: Session,
    setAside: StoredEvent[],
    refused: Map<string, string>,
    to: FeedCheckpoint,
  ): Promise<void> {
    const client = session.client;
    if (setAside.length === 0) {
      // Nothing set aside (the usual batch): the checkpoint alone, one statement that is its own transaction.
      try {
        await saveRelayCheckpoint(client, this.options.schema, this.stream, to);
      } catch (err) {
        session.lost = err instanceof Error ? err : new Error(String(err));
        throw err;
      }
      return;
    }
    try {
      await client.query('BEGIN');
      for (const [streamId, error] of refused) {
        const ofStream = setAside.filter((e) => e.streamId === streamId);
        if (ofStream.length === 0) continue;
        await this.parked.park(client, ofStream, error);
        this.blocked.add(streamId);
        this.logger.error(
          `Event ${ofStream[0].id} (${ofStream[0].type} of ${streamId}) cannot be published: ${error}. ` +
            `Set aside with ${ofStream.length - 1} later event(s) of its stream; retried with back-off.`,
        );
      }
      const waiting = setAside.filter((e) => !refused.has(e.streamId));
      await this.parked.park(client, waiting, 'waits behind an unpublished event of its stream');
      await saveRelayCheckpoint(client, this.options.schema, this.stream, to);
      await client.query('COMMIT');
    } catch (err) {
      session.lost = err instanceof Error ? err : new Error(String(err));
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    }
    if (setAside.length > 0) this.counters.parked = await this.parked.count(client);
  }

  /** Tries the set-aside events whose back-off has passed, each stream's in order; stops a stream at a failure. */
  private async retryParked(session: Session): Promise<void> {
    this.nextParkedRetry = Date.now() + (this.options.retryParkedMs ?? 1000);
    if (this.blocked.size === 0) return;
    for (const group of await this.parked.due(session.client)) {
      for (const p of group) {
        const [event] = await this.options.store.readStream(p.streamId, {
          fromRevision: p.revision,
          toRevision: p.revision,
        });
        const result = event
          ? (await publishBatch(this.js, [toBusEvent(event)], { prefix: this.prefix, stream: this.stream })).outcomes[0]
          : ({ status: 'stored' } as const);
        if (result.status === 'stored' || result.status === 'duplicate') {
          if (result.status === 'stored') this.counters.published += 1;
          await this.parked.published(session.client, p.eventId);
          continue;
        }
        const error = result.status === 'failed' ? describe(result.error) : 'not sent';
        await this.parked.failedAgain(session.client, p.eventId, p.attempts, error);
        break;
      }
    }
    await this.refreshParked(session);
  }

  private async refreshParked(session: Session): Promise<void> {
    this.blocked = await this.parked.blockedStreams(session.client);
    this.counters.parked = await this.parked.count(session.client);
  }

  private async ensureStream(): Promise<void> {
    await ensureEventStream(await this.options.nats.jetstreamManager(), {
      prefix: this.prefix,
      duplicateWindowMs: this.options.duplicateWindowMs,
      maxAgeMs: this.options.maxAgeMs,
      maxBytes: this.options.maxBytes,
    });
  }
}

/**
 * A notification followed by an empty read means the new event is held back by the feed's barrier (an older
 * transaction, possibly in another database of the server, is still running). No second notification comes when
 * that transaction ends, so look again soon, backing off (5, 10, 20 ... ms, never further apart than the poll)
 * for a second or so; then the poll takes over.
 */
function nextRecheck(current: number, hinted: boolean): number {
  const next = current > 0 ? current * 2 : hinted ? FIRST_RECHECK_MS : 0;
  return next <= MAX_RECHECK_MS ? next : 0;
}

const checkpointOf = (e: StoredEvent): FeedCheckpoint => ({ transactionId: e.transactionId, position: e.position });

function describe(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
