import { Logger, type LoggerService } from '@nestjs/common';
import { assertSchemaName, type EventStore, type FeedCheckpoint } from '@platform/event-store';
import type { JetStreamClient, NatsConnection } from 'nats';
import { Client, type Pool } from 'pg';
import { busPrefix, eventStreamName } from '../config/bus-config';
import { toBusEvent } from '../events/bus-event';
import { ensureEventStream } from './event-stream';
import { publishBatch } from './publish-batch';
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
  pollIntervalMs?: number; // fallback wake-up when no notification arrives (default 50)
  lockRetryMs?: number; // how often a standby instance tries to become leader (default 300)
  duplicateWindowMs?: number; // JetStream dedupe window of the stream (default 10 min)
  logger?: Pick<LoggerService, 'log' | 'warn' | 'error'>;
}

export interface RelayStats {
  published: number; // events stored by JetStream
  duplicates: number; // events JetStream had already (re-published after a crash or a takeover)
}

interface Session {
  client: Client;
  lost?: Error;
}

const MAX_BACKOFF_MS = 5000;
const FIRST_RECHECK_MS = 5;

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
  private readonly js: JetStreamClient;
  private readonly logger: Pick<LoggerService, 'log' | 'warn' | 'error'>;
  private readonly signal = new WakeSignal();
  private loop?: Promise<void>;
  private unsubscribeCommits?: () => void;
  private stopping = false;
  private leader = false;
  private migrated = false;
  private readonly counters: RelayStats = { published: 0, duplicates: 0 };

  constructor(private readonly options: EventRelayOptions) {
    assertSchemaName(options.schema);
    this.prefix = options.prefix ?? busPrefix();
    this.stream = eventStreamName(this.prefix);
    this.lockKey = `event-relay:${options.schema}:${this.stream}`;
    this.channel = `${options.schema}_events`;
    this.js = options.nats.jetstream();
    this.logger = options.logger ?? new Logger(`EventRelay(${options.schema})`);
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
    // Appends made by this process wake the relay at once; other processes' appends arrive by NOTIFY or polling.
    this.unsubscribeCommits = this.options.store.onCommitted?.(() => this.signal.notify());
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
    const pollIntervalMs = this.options.pollIntervalMs ?? 50;
    let from = await readRelayCheckpoint(session.client, this.options.schema, this.stream);
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
      recheckMs = nextRecheck(recheckMs, hinted, pollIntervalMs);
      woke = await this.signal.wait(recheckMs || pollIntervalMs);
    }
  }

  /** Reads the next batch after `from`, publishes it and moves the checkpoint; returns the new position. */
  private async relayBatch(session: Session, from: FeedCheckpoint): Promise<{ count: number; next: FeedCheckpoint }> {
    const { events, next } = await this.options.store.readAll(from, this.options.batchSize ?? 100);
    if (events.length === 0) return { count: 0, next: from };
    const outcome = await publishBatch(this.js, events.map(toBusEvent), { prefix: this.prefix, stream: this.stream });
    this.counters.published += outcome.published;
    this.counters.duplicates += outcome.duplicates;
    if (session.lost) throw session.lost;
    // Through the lock's connection: a relay that lost its lock cannot move the checkpoint.
    await saveRelayCheckpoint(session.client, this.options.schema, this.stream, next).catch((err: unknown) => {
      session.lost = err instanceof Error ? err : new Error(String(err));
      throw err;
    });
    return { count: events.length, next };
  }

  private async ensureStream(): Promise<void> {
    await ensureEventStream(await this.options.nats.jetstreamManager(), {
      prefix: this.prefix,
      duplicateWindowMs: this.options.duplicateWindowMs,
    });
  }
}

/**
 * A notification followed by an empty read means the new event is held back by the feed's barrier (an older
 * transaction, possibly in another database of the server, is still running). No second NOTIFY comes when
 * that transaction ends, so look again soon, backing off (5, 10, 20 ... ms) until the regular poll takes over.
 */
function nextRecheck(current: number, hinted: boolean, pollIntervalMs: number): number {
  const next = current > 0 ? current * 2 : hinted ? FIRST_RECHECK_MS : 0;
  return next < pollIntervalMs ? next : 0;
}

function describe(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
