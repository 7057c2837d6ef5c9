import { randomUUID } from 'node:crypto';
import { PostgresEventStore, type SqlExecutor, type StoredEvent } from '@platform/event-store';
import { createTestBus, createTestDatabase, waitFor, type TestBus, type TestDatabase } from '@platform/testing';
import type { NatsConnection } from 'nats';
import { Pool } from 'pg';
import { eventFilter, eventStreamName, eventSubject, streamCategory } from '../config/bus-config';
import { encodeBusEvent, toBusEvent, type BusEvent } from '../events/bus-event';
import { connectNats } from '../nats/connect-nats';
import { EventRelay } from '../relay/event-relay';
import { IdempotentConsumer } from './idempotent-consumer';

const SCHEMA = 'analytics_test';
const quiet = { log: () => undefined, warn: () => undefined, error: () => undefined };

let db: TestDatabase;
let bus: TestBus;
let store: PostgresEventStore;
let nc: NatsConnection;
let relay: EventRelay;
const appended: StoredEvent[] = [];

async function appendOrders(count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    const { events } = await store.append(
      `order-${randomUUID()}`,
      [
        { type: 'OrderPlaced', data: { amount: 10 }, metadata: meta() },
        { type: 'OrderShipped', data: {}, metadata: meta() },
      ],
      { expectedRevision: 'no_stream' },
    );
    appended.push(...events);
  }
}
const meta = () => ({
  correlationId: randomUUID(),
  causationId: null,
  actorId: 'consumer-test',
  occurredAt: new Date().toISOString(),
});

/** A projection: per event type, how many events and the sum of their amounts. */
async function project(event: BusEvent, sql: SqlExecutor): Promise<void> {
  const amount = Number((event.data as { amount?: number }).amount ?? 0);
  await sql.query(
    `INSERT INTO ${SCHEMA}.totals (type, events, amount) VALUES ($1, 1, $2)
     ON CONFLICT (type) DO UPDATE SET events = totals.events + 1, amount = totals.amount + EXCLUDED.amount`,
    [event.type, amount],
  );
}

async function totals(): Promise<Record<string, { events: number; amount: number }>> {
  const { rows } = await store.pool.query<{ type: string; events: number; amount: number }>(
    `SELECT type, events, amount FROM ${SCHEMA}.totals ORDER BY type`,
  );
  return Object.fromEntries(rows.map((r) => [r.type, { events: r.events, amount: r.amount }]));
}

function consumer(handler = project, name = 'order-totals'): IdempotentConsumer {
  return new IdempotentConsumer({
    nats: nc,
    pool: store.pool,
    schema: SCHEMA,
    name,
    handler,
    nakDelayMs: 100,
    logger: quiet,
  });
}

beforeAll(async () => {
  bus = createTestBus('consumer');
  db = await createTestDatabase('consumer');
  store = await PostgresEventStore.connect({ connectionString: db.url, schema: SCHEMA });
  await store.pool.query(
    `CREATE TABLE ${SCHEMA}.totals (type text PRIMARY KEY, events int NOT NULL, amount int NOT NULL)`,
  );
  nc = await connectNats({ name: 'consumer-test' });
  relay = new EventRelay({ store, pool: store.pool, schema: SCHEMA, nats: nc, logger: quiet });
  relay.start();
});

afterAll(async () => {
  await relay?.stop();
  await nc?.close();
  await store?.close();
  await db?.drop();
  await bus?.dispose();
});

describe('IdempotentConsumer', () => {
  it('applies each event once, and a redelivered or re-published event changes nothing', async () => {
    let failOnce = true;
    const first = consumer(async (event, sql) => {
      await project(event, sql);
      // Fails after writing: the rollback must undo the write, and the redelivery must apply it once.
      if (failOnce && event.type === 'OrderShipped') {
        failOnce = false;
        throw new Error('projection store hiccup');
      }
    });
    await first.start();
    await appendOrders(25);
    await waitFor(
      async () => first.stats.handled === appended.length && (await first.pending()) === 0,
      'all events handled',
    );
    expect(first.stats.failed).toBe(1);
    const expected = { OrderPlaced: { events: 25, amount: 250 }, OrderShipped: { events: 25, amount: 0 } };
    expect(await totals()).toEqual(expected);
    await first.stop();

    // The durable consumer is recreated from the start of the stream: JetStream delivers every event again.
    const jsm = await nc.jetstreamManager();
    await jsm.consumers.delete(eventStreamName(), 'order-totals');
    // And one event is published again past the dedupe window's reach (no Nats-Msg-Id), as after a late relay restart.
    const again = toBusEvent(appended[0]);
    await nc.jetstream().publish(eventSubject(streamCategory(again.streamId), again.type), encodeBusEvent(again));

    const second = consumer();
    await second.start();
    await waitFor(
      async () => second.stats.skipped === appended.length + 1 && (await second.pending()) === 0,
      'redeliveries skipped',
    );
    expect(second.stats.handled).toBe(0);
    expect(await totals()).toEqual(expected);

    // New events still get through after the redeliveries.
    await appendOrders(1);
    await waitFor(async () => second.stats.handled === 2, 'new events handled');
    expect(await totals()).toEqual({
      OrderPlaced: { events: 26, amount: 260 },
      OrderShipped: { events: 26, amount: 0 },
    });
    await second.stop();
  });

  it('receives only the subjects it filters on', async () => {
    const seen: string[] = [];
    const placed = new IdempotentConsumer({
      nats: nc,
      pool: store.pool,
      schema: SCHEMA,
      name: 'orders-placed',
      filterSubjects: [eventFilter('order', 'OrderPlaced')],
      handler: async (event) => void seen.push(event.type),
      logger: quiet,
    });
    await placed.start();
    try {
      await waitFor(async () => (await placed.pending()) === 0 && placed.stats.handled > 0, 'caught up');
    } finally {
      await placed.stop();
    }
    // 26 orders placed; the re-published copy of the first one is skipped by this consumer too.
    expect(seen).toEqual(Array(26).fill('OrderPlaced'));
    expect(placed.stats.skipped).toBe(1);
  });

  it('in batches: applies each event once in one transaction per batch, and retries a failed batch event by event', async () => {
    const name = 'order-totals-batched';
    await store.pool.query(`CREATE TABLE ${SCHEMA}.batched (type text PRIMARY KEY, events int NOT NULL)`);
    const count = async (events: readonly BusEvent[], sql: SqlExecutor) => {
      for (const e of events) {
        await sql.query(
          `INSERT INTO ${SCHEMA}.batched (type, events) VALUES ($1, 1)
           ON CONFLICT (type) DO UPDATE SET events = batched.events + 1`,
          [e.type],
        );
      }
    };
    let poisoned = true;
    const batches: number[] = [];
    const batched = new IdempotentConsumer({
      nats: nc,
      pool: store.pool,
      schema: SCHEMA,
      name,
      nakDelayMs: 100,
      logger: quiet,
      maxBatch: 50,
      batchHandler: async (events, sql) => {
        batches.push(events.length);
        await count(events, sql);
        // One bad event fails its whole batch (rolled back); alone, it fails once more and comes back later.
        if (poisoned && events.some((e) => e.id === appended[3].id)) throw new Error('batch hiccup');
      },
      handler: async (event, sql) => {
        if (poisoned && event.id === appended[3].id) {
          poisoned = false;
          throw new Error('still failing');
        }
        await count([event], sql);
      },
    });
    await batched.start();
    try {
      await waitFor(async () => (await batched.pending()) === 0 && batched.stats.failed === 1, 'caught up');
    } finally {
      await batched.stop();
    }
    const { rows } = await store.pool.query(`SELECT type, events FROM ${SCHEMA}.batched ORDER BY type`);
    // 26 orders (52 events) and the re-published copy of the first one, skipped.
    expect(rows).toEqual([
      { type: 'OrderPlaced', events: 26 },
      { type: 'OrderShipped', events: 26 },
    ]);
    expect(Math.max(...batches)).toBeGreaterThan(1);
    expect(batched.stats.handled).toBe(52);
  });

  it('in batches: a backlog comes in full batches, each opened with its claim in one round trip and committed', async () => {
    await appendOrders(40);
    const jsm = await nc.jetstreamManager();
    const stream = eventStreamName(bus.prefix);
    // Every order appended so far is on the stream (the relay publishes them) before the consumer starts.
    await waitFor(async () => (await jsm.streams.info(stream)).state.messages >= appended.length, 'published');
    const backlog = (await jsm.streams.info(stream)).state.messages;
    const pool = new Pool({ connectionString: db.url, max: 3 });
    const statements: string[] = [];
    const claims: number[] = []; // ids claimed per transaction
    let recording = false; // from the first pull on (not the migrations of start())
    const wrapped = new WeakSet<object>();
    pool.on('acquire', (client: { query: (...args: unknown[]) => unknown }) => {
      if (wrapped.has(client)) return;
      wrapped.add(client);
      const query = client.query.bind(client);
      client.query = (...args: unknown[]) => {
        const text = String(args[0]);
        if (recording) statements.push(text.trim().split(/\s+/).slice(0, 2).join(' '));
        if (recording && text.startsWith('BEGIN; INSERT')) claims.push(text.match(/'[0-9a-f-]{36}'/g)?.length ?? 0);
        return query(...args);
      };
    });
    const batches: number[] = [];
    const consumer = new IdempotentConsumer({
      nats: nc,
      pool,
      schema: SCHEMA,
      name: 'order-full-batches',
      logger: quiet,
      maxBatch: 10,
      inOrder: true,
      batchHandler: async (events) => void batches.push(events.length),
      handler: async () => undefined,
    });
    try {
      await consumer.start();
      recording = true;
      await waitFor(async () => {
        const { handled, skipped } = consumer.stats;
        return (await consumer.pending()) === 0 && handled + skipped === backlog;
      }, 'caught up');
    } finally {
      await consumer.stop();
      await pool.end();
    }
    // Deliveries freed by the last acks trickle in one by one; the consumer waits for a full batch instead.
    expect(claims.slice(0, -1)).toEqual(Array(claims.length - 1).fill(10));
    expect(claims.reduce((a, b) => a + b, 0)).toBe(backlog);
    // The handler gets what was not applied before (the re-published copy of the first test is skipped).
    expect(batches.reduce((a, b) => a + b, 0)).toBe(consumer.stats.handled);
    const transactions = statements.filter((s) => s === 'BEGIN; INSERT' || s === 'COMMIT');
    expect(transactions).toEqual(claims.flatMap(() => ['BEGIN; INSERT', 'COMMIT']));
    expect(statements.filter((s) => s === 'BEGIN' || s.startsWith('SELECT pg_advisory_xact'))).toEqual([]);
  });

  it('in batches, lingering: a trickle of events is applied in a few transactions, not one per delivery', async () => {
    const batches: number[] = [];
    const consumer = (lingerMs: number) =>
      new IdempotentConsumer({
        nats: nc,
        pool: store.pool,
        schema: SCHEMA,
        name: `order-trickle-${lingerMs}`,
        logger: quiet,
        maxBatch: 100,
        lingerMs,
        batchHandler: async (events) => void batches.push(events.length),
        handler: async () => undefined,
      });
    const trickle = async (c: IdempotentConsumer) => {
      await c.start();
      try {
        await waitFor(async () => (await c.pending()) === 0, 'caught up with what came before');
        batches.length = 0;
        const before = c.stats.handled;
        const started = Date.now();
        for (let i = 0; i < 10; i++) {
          await appendOrders(1); // two events, then a pause: a trickle
          // Far apart enough that a consumer without linger sees most of them on their own, even on a busy machine.
          await new Promise((r) => setTimeout(r, 50));
        }
        const trickleMs = Date.now() - started;
        await waitFor(async () => c.stats.handled - before === 20, 'the trickle applied');
        return { batches: [...batches], trickleMs };
      } finally {
        await c.stop();
      }
    };
    const lingerMs = 1000;
    const { batches: eager } = await trickle(consumer(0));
    const { batches: lingering, trickleMs } = await trickle(consumer(lingerMs));
    expect(eager.reduce((a, b) => a + b, 0)).toBe(20);
    expect(lingering.reduce((a, b) => a + b, 0)).toBe(20);
    expect(eager.length).toBeGreaterThanOrEqual(5); // a transaction per delivery or two
    // At most one per linger of the time the trickle took (and the tail's), and fewer than without the linger.
    expect(lingering.length).toBeLessThanOrEqual(Math.ceil(trickleMs / lingerMs) + 1);
    expect(lingering.length).toBeLessThan(eager.length);
  });

  it('in order: two instances sharing the consumer, one failing on an event, apply every event in stream order', async () => {
    const name = 'order-sequence';
    await store.pool.query(`CREATE TABLE ${SCHEMA}.sequence (n serial PRIMARY KEY, seq bigint NOT NULL)`);
    const position = new Map(appended.map((e) => [e.id, e.position]));
    let failures = 2;
    const record = async (events: readonly BusEvent[], sql: SqlExecutor) => {
      for (const e of events) {
        // A transient failure on one event: what comes after it must wait for it.
        if (e.id === appended[5].id && failures-- > 0) throw new Error('hiccup');
        await sql.query(`INSERT INTO ${SCHEMA}.sequence (seq) VALUES ($1)`, [position.get(e.id) ?? -1]);
      }
    };
    const instance = () =>
      new IdempotentConsumer({
        nats: nc,
        pool: store.pool,
        schema: SCHEMA,
        name,
        nakDelayMs: 100,
        logger: quiet,
        maxBatch: 4,
        inOrder: true,
        batchHandler: record,
        handler: (event, sql) => record([event], sql),
      });
    const [a, b] = [instance(), instance()];
    await Promise.all([a.start(), b.start()]);
    try {
      await waitFor(async () => (await a.pending()) === 0 && failures <= 0, 'caught up');
    } finally {
      await Promise.all([a.stop(), b.stop()]);
    }
    const { rows } = await store.pool.query<{ seq: string }>(`SELECT seq FROM ${SCHEMA}.sequence ORDER BY n`);
    const applied = rows.map((r) => Number(r.seq)).filter((p) => p >= 0);
    expect(applied.length).toBe(appended.length);
    expect(applied).toEqual([...applied].sort((x, y) => x - y));
  });
  it('in order: what a leader held when it died is applied by the next leader before anything newer', async () => {
    const name = 'order-handover';
    await store.pool.query(
      `CREATE TABLE ${SCHEMA}.handover (n serial PRIMARY KEY, seq bigint NOT NULL, by text NOT NULL)`,
    );
    const marker = appended.length;
    await appendOrders(1); // in A's hands when it dies
    const held = appended.slice(marker).map((e) => e.id);
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let holding = false;
    // A has a database pool and a NATS connection of its own, so that it can die alone.
    const poolA = new Pool({ connectionString: db.url, application_name: 'consumer-a', max: 3 });
    poolA.on('error', () => undefined);
    const ncA = await connectNats({ name: 'consumer-a' });
    const instance = (by: string, nats: NatsConnection, pool: Pool) => {
      const record = async (events: readonly BusEvent[], sql: SqlExecutor) => {
        if (by === 'a' && events.some((e) => held.includes(e.id))) {
          holding = true;
          await gate;
        }
        for (const e of events) {
          await sql.query(`INSERT INTO ${SCHEMA}.handover (seq, by) VALUES ($1, $2)`, [e.position, by]);
        }
      };
      return new IdempotentConsumer({
        nats,
        pool,
        schema: SCHEMA,
        name,
        nakDelayMs: 100,
        ackWaitMs: 1500,
        logger: quiet,
        inOrder: true,
        batchHandler: record,
        handler: (event, sql) => record([event], sql),
      });
    };
    const a = instance('a', ncA, poolA);
    const b = instance('b', nc, store.pool);
    await a.start();
    try {
      await waitFor(async () => holding, 'A holding the events');
      // A dies: its sessions (the lead's and its open batch's) and its bus connection end, the events unacknowledged.
      await store.pool.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'consumer-a'`,
      );
      await ncA.close();
      await b.start();
      await appendOrders(1); // newer than what A held
      await waitFor(async () => {
        const { rows } = await store.pool.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM ${SCHEMA}.handover WHERE seq = ANY($1::bigint[])`,
          [appended.slice(marker).map((e) => e.position)],
        );
        return rows[0].n === appended.length - marker;
      }, 'the held and the newer events applied');
    } finally {
      release();
      await Promise.all([a.stop().catch(() => undefined), b.stop()]);
      await poolA.end();
    }
    const { rows } = await store.pool.query<{ seq: string; by: string }>(
      `SELECT seq, by FROM ${SCHEMA}.handover ORDER BY n`,
    );
    const applied = rows.filter((r) => Number(r.seq) >= appended[marker].position);
    expect(applied.map((r) => Number(r.seq))).toEqual(appended.slice(marker).map((e) => e.position));
    expect(applied.every((r) => r.by === 'b')).toBe(true);
  });
});
