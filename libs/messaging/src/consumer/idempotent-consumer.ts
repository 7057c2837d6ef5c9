import { Logger, type LoggerService } from '@nestjs/common';
import { assertSchemaName, DeferredBegin, type SqlExecutor } from '@platform/event-store';
import {
  AckPolicy,
  DeliverPolicy,
  nanos,
  type ConsumerConfig,
  type ConsumerMessages,
  type JsMsg,
  type NatsConnection,
} from 'nats';
import type { Pool, PoolClient } from 'pg';
import { busPrefix, eventFilter, eventStreamName } from '../config/bus-config';
import { decodeBusEvent, MalformedBusEventError, type BusEvent } from '../events/bus-event';
import { ensureEventStream } from '../relay/event-stream';
import { claimEvents, migrateProcessedEvents } from './processed-events';

export type EventHandler = (event: BusEvent, sql: SqlExecutor) => Promise<void>;
/** Applies several events, in order, in one transaction (each a first delivery: duplicates are filtered out). */
export type BatchEventHandler = (events: readonly BusEvent[], sql: SqlExecutor) => Promise<void>;

export interface IdempotentConsumerOptions {
  nats: NatsConnection;
  pool: Pool;
  schema: string; // where processed_events lives, next to the handler's own tables
  /** Durable JetStream consumer name and the `consumer` key in processed_events ([A-Za-z0-9_-]). */
  name: string;
  handler: EventHandler;
  /**
   * Optional: applies up to `maxBatch` messages already delivered in one transaction (claims, writes, commit),
   * far fewer round trips than one transaction per event. A failed batch is retried event by event with
   * `handler`, so one bad event is nak'ed alone. Exactly-once in effect either way.
   */
  batchHandler?: BatchEventHandler;
  maxBatch?: number; // default 200
  /** Subjects to receive (see eventFilter); default every event of the bus. Several need nats-server ≥ 2.10. */
  filterSubjects?: string[];
  prefix?: string; // default busPrefix()
  nakDelayMs?: number; // redelivery delay after a failed handler (default 1000)
  ackWaitMs?: number; // redelivery when no ack arrives, e.g. the process died (default 30 s)
  /** Unacknowledged messages in flight; 1 keeps strict order even across a failed, redelivered message. */
  maxAckPending?: number;
  batchSize?: number; // messages pulled at a time (default 100)
  /**
   * With a batchHandler: how long a batch may wait for more deliveries before it is applied (default 0: at once,
   * unless JetStream reports more pending). A steady trickle of events then costs one transaction per linger
   * instead of one per event or two, for a delay of at most this much.
   */
  lingerMs?: number;
  /**
   * Apply events in stream order even across replicas and failures (a projection whose rows depend on the order
   * of one stream's events): only the instance holding the consumer's advisory lock consumes (the others wait to
   * take over when its session ends), no more than one pull is outstanding (so what a dead leader held is
   * redelivered before anything newer), and an event that fails is retried in place, holding back those after it.
   */
  inOrder?: boolean;
  logger?: Pick<LoggerService, 'log' | 'warn' | 'error'>;
}

export interface ConsumerStats {
  handled: number; // events applied and committed
  skipped: number; // redeliveries of events applied before
  failed: number; // handler failures (nak'ed for redelivery)
}

const NAME = /^[A-Za-z0-9_-]+$/;
/** How long a batch waits at most for more of a backlog to arrive before it is applied with what it has. */
const GATHER_MS = 20;

/**
 * Applies each domain event from a durable JetStream consumer exactly once in effect: the handler's writes and
 * the event id (in `<schema>.processed_events`) commit in one PostgreSQL transaction, the message is acked
 * after the commit, and a redelivered event whose id is already recorded is acked without running the handler.
 * A failed handler rolls back and the message is nak'ed to come back after `nakDelayMs`.
 */
export class IdempotentConsumer {
  private readonly prefix: string;
  private readonly stream: string;
  private readonly logger: Pick<LoggerService, 'log' | 'warn' | 'error'>;
  private messages?: ConsumerMessages;
  private loop?: Promise<void>;
  /** In order: the session holding the consumer's advisory lock, and the wait for it. */
  private leader?: PoolClient;
  private leading?: Promise<void>;
  private stopping = false;
  private readonly counters: ConsumerStats = { handled: 0, skipped: 0, failed: 0 };

  constructor(private readonly options: IdempotentConsumerOptions) {
    assertSchemaName(options.schema);
    if (!NAME.test(options.name))
      throw new Error(`Invalid consumer name "${options.name}": use letters, digits, "_" and "-"`);
    this.prefix = options.prefix ?? busPrefix();
    this.stream = eventStreamName(this.prefix);
    this.logger = options.logger ?? new Logger(`IdempotentConsumer(${options.name})`);
  }

  get name(): string {
    return this.options.name;
  }

  get stats(): ConsumerStats {
    return { ...this.counters };
  }

  /** Creates what is missing (table, stream, durable consumer) and starts consuming (in order: once it leads). */
  async start(): Promise<void> {
    if (this.loop || this.leading) return;
    this.stopping = false;
    await migrateProcessedEvents(this.options.pool, this.options.schema);
    const jsm = await this.options.nats.jetstreamManager();
    await ensureEventStream(jsm, { prefix: this.prefix });
    await this.ensureConsumer();
    if (!this.options.inOrder) return this.consume();
    this.leading = this.lead();
  }

  private async consume(): Promise<void> {
    const consumer = await this.options.nats.jetstream().consumers.get(this.stream, this.options.name);
    const messages = await consumer.consume({ max_messages: this.pullSize() });
    this.messages = messages;
    this.loop = this.run(messages);
  }

  /** Waits for the consumer's advisory lock (one session holds it at a time), then consumes until it is lost. */
  private async lead(): Promise<void> {
    const key = `consumer:${this.options.schema}.${this.options.name}`;
    while (!this.stopping) {
      let client: PoolClient | undefined;
      try {
        client = await this.options.pool.connect();
        const { rows } = await client.query<{ ok: boolean }>(
          'SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS ok',
          [key],
        );
        if (rows[0]?.ok && !this.stopping) {
          const held = client;
          this.leader = held;
          // The session gone (database failover): stop consuming; what is unacknowledged comes back to the next leader.
          held.on('error', () => void this.loseLead(held)); // every error, not just the first: none may go unhandled
          this.logger.log(`Leading consumer ${this.options.name}`);
          await this.afterPreviousLeader();
          if (this.leader !== held || this.stopping) return;
          await this.consume();
          return;
        }
        client.release(true);
      } catch (err) {
        client?.release(true);
        this.logger.warn(`Cannot take the lead of ${this.options.name} now: ${describe(err)}`);
      }
      await new Promise((r) => setTimeout(r, 300));
    }
  }

  /**
   * Messages delivered to an earlier leader and not acknowledged (it died, or lost its lead, with them in hand) come
   * back only when their ack wait ends, and JetStream would meanwhile hand newer messages to this leader, which would
   * apply them first. Where any are outstanding, this leader waits one ack wait before its first pull: then they
   * are redelivered, and redeliveries come before anything new.
   */
  private async afterPreviousLeader(): Promise<void> {
    const jsm = await this.options.nats.jetstreamManager();
    const info = await jsm.consumers.info(this.stream, this.options.name);
    if (info.num_ack_pending === 0) return;
    const waitMs = Math.ceil((info.config.ack_wait ?? nanos(30_000)) / 1_000_000) + 100;
    this.logger.warn(
      `${info.num_ack_pending} message(s) of an earlier leader not acknowledged: waiting ${waitMs} ms for their redelivery`,
    );
    const until = Date.now() + waitMs;
    while (Date.now() < until && !this.stopping && this.leader) {
      await new Promise((r) => setTimeout(r, Math.min(100, until - Date.now())));
    }
  }

  /** In order, only the leader applies: one that lost its lead leaves what it holds to the next (unacknowledged). */
  private leads(): boolean {
    return !this.options.inOrder || this.leader !== undefined;
  }

  private async loseLead(client: PoolClient): Promise<void> {
    if (this.leader !== client) return;
    this.leader = undefined;
    await this.messages?.close().catch(() => undefined);
    await this.loop;
    this.messages = undefined;
    this.loop = undefined;
    client.release(true);
    if (!this.stopping) this.leading = this.lead();
  }

  /** Stops pulling; the message being handled finishes (commit and ack) first. */
  async stop(): Promise<void> {
    this.stopping = true;
    await this.leading;
    await this.messages?.close();
    await this.loop;
    this.messages = undefined;
    this.loop = undefined;
    this.leading = undefined;
    // Ending the session releases the lock for another instance.
    this.leader?.release(true);
    this.leader = undefined;
  }

  /** Events in the stream this consumer has not acknowledged yet: its lag. */
  async pending(): Promise<number> {
    const jsm = await this.options.nats.jetstreamManager();
    const info = await jsm.consumers.info(this.stream, this.options.name);
    return info.num_pending + info.num_ack_pending;
  }

  private async ensureConsumer(): Promise<void> {
    const jsm = await this.options.nats.jetstreamManager();
    const subjects = this.options.filterSubjects ?? [eventFilter(undefined, undefined, this.prefix)];
    const filter: Partial<ConsumerConfig> =
      subjects.length === 1 ? { filter_subject: subjects[0] } : { filter_subjects: subjects };
    const existing = await jsm.consumers.info(this.stream, this.options.name).catch((err: unknown) => {
      if (
        (err as { code?: string }).code === '404' ||
        (err as { api_error?: { err_code?: number } }).api_error?.err_code === 10014
      ) {
        return undefined;
      }
      throw err;
    });
    const tuning: Partial<ConsumerConfig> = {
      ack_wait: nanos(this.options.ackWaitMs ?? 30_000),
      // In order, no more may be outstanding than one pull: after a leader dies, what it held comes back before
      // anything newer reaches the next one.
      ...(this.options.inOrder
        ? { max_ack_pending: this.pullSize() }
        : this.options.maxAckPending
          ? { max_ack_pending: this.options.maxAckPending }
          : {}),
    };
    if (!existing) {
      await jsm.consumers.add(this.stream, {
        durable_name: this.options.name,
        ack_policy: AckPolicy.Explicit,
        deliver_policy: DeliverPolicy.All,
        ...filter,
        ...tuning,
      });
      return;
    }
    const current =
      existing.config.filter_subjects ?? (existing.config.filter_subject ? [existing.config.filter_subject] : []);
    if (
      current.join() !== subjects.join() ||
      existing.config.ack_wait !== tuning.ack_wait ||
      (tuning.max_ack_pending !== undefined && existing.config.max_ack_pending !== tuning.max_ack_pending)
    ) {
      await jsm.consumers.update(this.stream, this.options.name, { ...filter, ...tuning });
    }
  }

  private pullSize(): number {
    return this.options.batchSize ?? (this.options.inOrder ? (this.options.maxBatch ?? 100) : 100);
  }

  private async run(messages: ConsumerMessages): Promise<void> {
    try {
      if (this.options.batchHandler) await this.runBatches(messages);
      else
        for await (const msg of messages) {
          if (!this.leads()) break;
          await this.process(msg);
        }
    } catch (err) {
      // The iterator ends with an error only when the consumer or its stream is gone; start() again recreates it.
      this.logger.error(`Stopped consuming: ${describe(err)}`);
      if (this.messages === messages) {
        this.messages = undefined;
        this.loop = undefined;
      }
    }
  }

  /** Messages are taken from the pull as they arrive and applied in batches of what has arrived meanwhile. */
  private async runBatches(messages: ConsumerMessages): Promise<void> {
    const queue: JsMsg[] = [];
    let wake: (() => void) | undefined;
    let ended = false;
    let failure: unknown;
    const pump = (async () => {
      try {
        for await (const msg of messages) {
          queue.push(msg);
          wake?.();
        }
      } catch (err) {
        failure = err;
      } finally {
        ended = true;
        wake?.();
      }
    })();
    const max = this.options.maxBatch ?? 200;
    for (;;) {
      if (queue.length === 0) {
        if (ended) break;
        await new Promise<void>((resolve) => (wake = resolve));
        wake = undefined;
        continue;
      }
      // More is on its way (JetStream tells with each message how many it has not delivered yet): wait a moment
      // for a full batch rather than pay a transaction for each trickle of deliveries freed by the last acks.
      // A consumer that lingers waits for a full batch (or its linger) whatever is pending.
      const linger = this.options.lingerMs ?? 0;
      const pending = queue.length + queue[queue.length - 1].info.pending;
      const expected = queue.length < max && !ended ? Math.min(max, linger > 0 ? max : pending) : 0;
      if (queue.length < expected) {
        let waited = false;
        const timer = setTimeout(
          () => {
            waited = true;
            wake?.();
          },
          Math.max(linger, GATHER_MS),
        );
        while (!waited && !ended && queue.length < expected) {
          await new Promise<void>((resolve) => (wake = resolve));
          wake = undefined;
        }
        clearTimeout(timer);
      }
      if (!this.leads()) break;
      await this.processBatch(queue.splice(0, max));
    }
    await pump;
    if (failure) throw failure;
  }

  private async processBatch(batch: JsMsg[]): Promise<void> {
    const decoded: { msg: JsMsg; event: BusEvent }[] = [];
    for (const msg of batch) {
      try {
        decoded.push({ msg, event: decodeBusEvent(msg.data) });
      } catch (err) {
        this.logger.error(`Dropping message ${msg.seq} on ${msg.subject}: ${(err as MalformedBusEventError).message}`);
        msg.term();
      }
    }
    if (decoded.length === 0) return;
    try {
      const applied = await this.applyBatch(decoded.map((d) => d.event));
      this.counters.handled += applied;
      this.counters.skipped += decoded.length - applied;
      for (const { msg } of decoded) msg.ack();
    } catch (err) {
      this.logger.warn(`A batch of ${decoded.length} failed, applying its events one by one: ${describe(err)}`);
      for (const { msg, event } of decoded) if (this.leads()) await this.processDecoded(msg, event);
    }
  }

  /** One transaction: claim every id not claimed before, apply those events in order, commit. */
  private applyBatch(events: BusEvent[]): Promise<number> {
    return this.claimAndApply(events, (fresh, sql) => this.options.batchHandler!(fresh, sql));
  }

  private async process(msg: JsMsg): Promise<void> {
    let event: BusEvent;
    try {
      event = decodeBusEvent(msg.data);
    } catch (err) {
      // Never going to parse: redelivering it would only block the consumer.
      this.logger.error(`Dropping message ${msg.seq} on ${msg.subject}: ${(err as MalformedBusEventError).message}`);
      msg.term();
      return;
    }
    await this.processDecoded(msg, event);
  }

  /**
   * Applies (or skips, when seen before) and acks one event. A failure is nak'ed for redelivery, or, in order,
   * retried in place after `nakDelayMs` (telling JetStream the message is still being worked on), so nothing
   * after it is applied first.
   */
  private async processDecoded(msg: JsMsg, event: BusEvent): Promise<void> {
    for (;;) {
      try {
        const applied = await this.apply(event);
        if (applied) this.counters.handled += 1;
        else this.counters.skipped += 1;
        msg.ack();
        return;
      } catch (err) {
        this.counters.failed += 1;
        if (!this.leads()) return; // its next leader gets it again, in order, after the ack wait
        if (!this.options.inOrder || this.stopping) {
          this.logger.warn(
            `Event ${event.id} (${event.type}) failed, redelivery in ${this.options.nakDelayMs ?? 1000} ms: ${describe(err)}`,
          );
          msg.nak(this.options.nakDelayMs ?? 1000);
          return;
        }
        this.logger.warn(`Event ${event.id} (${event.type}) failed, retrying it first: ${describe(err)}`);
        msg.working();
        await new Promise((r) => setTimeout(r, this.options.nakDelayMs ?? 1000));
      }
    }
  }

  /** One transaction: claim the event id, run the handler, commit. False when the id was claimed before. */
  private async apply(event: BusEvent): Promise<boolean> {
    return (await this.claimAndApply([event], ([fresh], sql) => this.options.handler(fresh, sql))) === 1;
  }

  /**
   * On a pooled connection, in one transaction: claim the ids not claimed before (BEGIN travels with the claim, one
   * round trip), run `work` on those events (first deliveries only, in order), commit. Answers how many it applied.
   */
  private async claimAndApply(
    events: readonly BusEvent[],
    work: (fresh: BusEvent[], sql: SqlExecutor) => Promise<void>,
  ): Promise<number> {
    const client: PoolClient = await this.options.pool.connect();
    let broken: Error | undefined;
    const onError = (err: Error) => (broken ??= err);
    client.on('error', onError);
    try {
      const claimed = await claimEvents(new DeferredBegin(client), this.options.schema, this.options.name, [
        ...new Set(events.map((e) => e.id)),
      ]);
      const seen = new Set<string>();
      const fresh = events.filter((e) => claimed.has(e.id) && !seen.has(e.id) && seen.add(e.id));
      if (fresh.length > 0) await work(fresh, client);
      await client.query('COMMIT');
      return fresh.length;
    } catch (err) {
      if (!broken) await client.query('ROLLBACK').catch((e: Error) => (broken = e));
      throw err;
    } finally {
      client.off('error', onError);
      client.release(broken);
    }
  }
}

function describe(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
