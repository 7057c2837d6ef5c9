import { Client } from 'pg';
import { FEED_START, type FeedCheckpoint, type Subscriber } from '../port/event-store.port';
import type { PostgresEventStore } from '../postgres/postgres-event-store';
import { toUnavailable } from '../postgres/pg-errors';
import { withTransaction } from '../postgres/session';
import { ensureCheckpoint, lockCheckpoint, readCheckpoint, saveCheckpoint } from './checkpoints';
import { WakeSignal } from './wake-signal';

const RECHECK_MIN_MS = 10;

export interface CatchUpSubscriptionOptions {
  batchSize?: number; // events read per transaction (default 100)
  pollIntervalMs?: number; // fallback wake-up when no notification arrives (default 1000)
  filterTypes?: readonly string[]; // only these types reach the subscriber; the checkpoint still moves past the rest
  retryInitialMs?: number; // backoff after a failed batch, doubling up to retryMaxMs (defaults 100 / 30000)
  retryMaxMs?: number;
  onError?: (err: unknown) => void; // failed batches and lost LISTEN connections; the loop keeps going
}

/**
 * Feeds the ordered event feed to a subscriber in batches. Each batch is one transaction: lock the checkpoint
 * row, read the feed after it, let the subscriber write, move the checkpoint, commit. A crash anywhere before
 * the commit leaves both the subscriber's rows and the checkpoint as they were, so every event takes effect
 * exactly once (provided the subscriber writes only through the `sql` it is handed), and a second instance with
 * the same name waits on the row lock instead of double-processing. Keep batches short: while one is open its
 * transaction holds back the feed's barrier for every reader on the server.
 */
export class CatchUpSubscription {
  private readonly batchSize: number;
  private readonly pollIntervalMs: number;
  private readonly signal = new WakeSignal();
  private running = false;
  private loop?: Promise<void>;
  private listener?: Client;
  private checkpointCreated = false;

  constructor(
    private readonly store: PostgresEventStore,
    private readonly subscriber: Subscriber,
    private readonly options: CatchUpSubscriptionOptions = {},
  ) {
    this.batchSize = options.batchSize ?? 100;
    this.pollIntervalMs = options.pollIntervalMs ?? 1000;
  }

  get name(): string {
    return this.subscriber.name;
  }

  /** Processes the next batch; returns how many feed events it moved past (0 when caught up). */
  async runOnce(): Promise<number> {
    const t = this.store.tables;
    if (!this.checkpointCreated) {
      await ensureCheckpoint(this.store.pool, t, this.name).catch((err: unknown) => Promise.reject(toUnavailable(err)));
      this.checkpointCreated = true;
    }
    return withTransaction(this.store.pool, async (client) => {
      const from = (await lockCheckpoint(client, t, this.name)) ?? FEED_START;
      // Same transaction as the lock: the feed's barrier is computed at this statement's start, after the lock.
      const { events, next } = await this.store.readFeed(client, from, this.batchSize);
      if (events.length === 0) return 0;
      const filter = this.options.filterTypes;
      const wanted = filter ? events.filter((e) => filter.includes(e.type)) : events;
      if (wanted.length > 0) await this.subscriber.handle(wanted, client);
      await saveCheckpoint(client, t, this.name, next);
      return events.length;
    });
  }

  private unsubscribeCommits?: () => void;

  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    await this.listen();
    this.unsubscribeCommits = this.store.onCommitted(() => this.signal.notify());
    this.loop = this.run();
  }

  /** Stops the loop after the batch in flight (if any) has committed or rolled back. */
  async stop(): Promise<void> {
    this.running = false;
    this.unsubscribeCommits?.();
    this.signal.interrupt();
    await this.loop;
    this.loop = undefined;
    await this.unlisten();
  }

  checkpoint(): Promise<FeedCheckpoint> {
    return readCheckpoint(this.store.pool, this.store.tables, this.name);
  }

  /** Moves the checkpoint (to the start by default) for a rebuild; clear the subscriber's own rows first. */
  reset(to: FeedCheckpoint = FEED_START): Promise<void> {
    return resetSubscription(this.store, this.name, to);
  }

  private async run(): Promise<void> {
    let failures = 0;
    let recheckMs = 0; // set after a notification found nothing: its events may still sit behind the barrier
    while (this.running) {
      try {
        const count = await this.runOnce();
        failures = 0;
        if (count > 0) {
          recheckMs = 0;
          continue;
        }
      } catch (err) {
        failures += 1;
        this.options.onError?.(err);
      }
      if (!this.running) break;
      if (failures > 0) {
        const initial = this.options.retryInitialMs ?? 100;
        await this.signal.wait(Math.min(this.options.retryMaxMs ?? 30_000, initial * 2 ** (failures - 1)), false);
        continue;
      }
      if (!this.listener) await this.listen();
      // A NOTIFY comes once, at commit; an event the barrier held back then (an older transaction still open) is
      // fetched by rechecking soon after, backing off to the plain poll interval.
      const woke = await this.signal.wait(recheckMs || this.pollIntervalMs);
      recheckMs = woke === 'notified' ? RECHECK_MIN_MS : recheckMs && Math.min(recheckMs * 2, this.pollIntervalMs);
    }
  }

  // A dedicated connection rather than a pooled one, so a long-lived LISTEN never takes a slot from queries.
  private async listen(): Promise<void> {
    const client = new Client(this.store.pool.options);
    client.on('notification', () => this.signal.notify());
    client.on('error', (err) => {
      if (this.listener === client) this.listener = undefined;
      this.options.onError?.(err);
      client.end().catch(() => undefined);
    });
    try {
      await client.connect();
      await client.query(`LISTEN "${this.store.notificationChannel}"`);
      this.listener = client;
    } catch (err) {
      this.options.onError?.(toUnavailable(err));
      await client.end().catch(() => undefined);
    }
  }

  private async unlisten(): Promise<void> {
    const client = this.listener;
    this.listener = undefined;
    await client?.end().catch(() => undefined);
  }
}

export async function resetSubscription(store: PostgresEventStore, name: string, to: FeedCheckpoint = FEED_START) {
  await saveCheckpoint(store.pool, store.tables, name, to);
}
