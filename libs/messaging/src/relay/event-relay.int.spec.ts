import { randomUUID } from 'node:crypto';
import { FEED_START, PostgresEventStore, type NewEvent, type StoredEvent } from '@platform/event-store';
import { createTestBus, createTestDatabase, waitFor, type TestBus, type TestDatabase } from '@platform/testing';
import { AckPolicy, DeliverPolicy, type ConsumerMessages, type NatsConnection } from 'nats';
import { eventStreamName } from '../config/bus-config';
import { decodeBusEvent, EVENT_HEADERS, type BusEvent } from '../events/bus-event';
import { connectNats } from '../nats/connect-nats';
import { EventRelay } from './event-relay';
import { ensureEventStream } from './event-stream';
import { saveRelayCheckpoint } from './relay-checkpoint';

const SCHEMA = 'relay_test';

let db: TestDatabase;
let bus: TestBus;
let store: PostgresEventStore;
let nc: NatsConnection;
const appended: StoredEvent[] = [];
const relays: EventRelay[] = [];

const newEvent = (type: string, n: number): NewEvent => ({
  type,
  data: { n },
  metadata: {
    correlationId: randomUUID(),
    causationId: null,
    actorId: 'relay-test',
    occurredAt: new Date().toISOString(),
  },
});

/** `perStream` single-event appends on each of `streams` new streams, all streams written concurrently. */
async function appendMany(streams: number, perStream: number): Promise<void> {
  await Promise.all(
    Array.from({ length: streams }, async () => {
      const streamId = `order-${randomUUID()}`;
      for (let i = 0; i < perStream; i++) {
        const { events } = await store.append(streamId, [newEvent(i === 0 ? 'OrderPlaced' : 'OrderLineAdded', i)], {
          expectedRevision: i === 0 ? 'no_stream' : i,
        });
        appended.push(...events);
      }
    }),
  );
}

function relay(overrides: Partial<ConstructorParameters<typeof EventRelay>[0]> = {}): EventRelay {
  const r = new EventRelay({
    store,
    pool: store.pool,
    schema: SCHEMA,
    nats: nc,
    pollIntervalMs: 200,
    logger: quiet,
    ...overrides,
  });
  relays.push(r);
  return r;
}
const quiet = { log: () => undefined, warn: () => undefined, error: () => undefined };

/** A durable JetStream consumer standing for any subscriber of the bus: records every delivery it gets. */
const received: BusEvent[] = [];
const headers: Array<string | undefined> = [];
let collector: ConsumerMessages;

async function startCollector(): Promise<void> {
  const jsm = await nc.jetstreamManager();
  await ensureEventStream(jsm);
  await jsm.consumers.add(eventStreamName(), {
    durable_name: 'collector',
    ack_policy: AckPolicy.Explicit,
    deliver_policy: DeliverPolicy.All,
  });
  collector = await nc
    .jetstream()
    .consumers.get(eventStreamName(), 'collector')
    .then((c) => c.consume());
  void (async () => {
    for await (const m of collector) {
      received.push(decodeBusEvent(m.data));
      headers.push(m.headers?.get(EVENT_HEADERS.type));
      m.ack();
    }
  })().catch(() => undefined);
}

/** Everything appended so far has reached the collector, and nothing else is on its way to it. */
async function allDelivered(): Promise<void> {
  const jsm = await nc.jetstreamManager();
  await waitFor(
    async () => {
      if (received.length < appended.length) return false;
      const info = await jsm.consumers.info(eventStreamName(), 'collector');
      return info.num_pending === 0 && info.num_ack_pending === 0;
    },
    `${appended.length} events delivered`,
    30_000,
  );
}

function expectEachOnceInStreamOrder(): void {
  const ids = (events: Array<{ id: string }>) => events.map((e) => e.id).sort();
  expect(received.length).toBe(appended.length);
  expect(ids(received)).toEqual(ids(appended));
  const revisions = new Map<string, number>();
  for (const e of received) {
    expect(e.revision).toBe((revisions.get(e.streamId) ?? 0) + 1);
    revisions.set(e.streamId, e.revision);
  }
}

beforeAll(async () => {
  bus = createTestBus('relay');
  db = await createTestDatabase('relay');
  store = await PostgresEventStore.connect({ connectionString: db.url, schema: SCHEMA, poolSize: 20 });
  nc = await connectNats({ name: 'relay-test' });
  await startCollector();
});

afterAll(async () => {
  await Promise.all(relays.map((r) => r.stop()));
  await collector?.close();
  await nc?.close();
  await store?.close();
  await db?.drop();
  await bus?.dispose();
});

describe('EventRelay', () => {
  it('publishes every committed event once, in order per stream, including those appended while it runs', async () => {
    await appendMany(20, 5);
    const r = relay();
    r.start();
    await appendMany(10, 3);
    await allDelivered();
    expectEachOnceInStreamOrder();
    const first = received[0];
    const source = appended.find((e) => e.id === first.id)!;
    expect(first).toEqual({
      id: source.id,
      streamId: source.streamId,
      type: source.type,
      schemaVersion: source.schemaVersion,
      data: source.data,
      metadata: source.metadata,
      revision: source.revision,
      position: source.position,
    });
    expect(headers[0]).toBe(first.type);
    expect(await r.checkpoint()).not.toEqual(FEED_START);
    await r.stop();
  });

  it('lingering: gathers a trickle of commits into a few batches (feed reads and checkpoints)', async () => {
    const trickle = async (lingerMs: number) => {
      const batches: number[] = [];
      const counting = Object.create(store) as PostgresEventStore;
      counting.readAll = async (from, limit) => {
        const result = await store.readAll(from, limit);
        if (result.events.length > 0) batches.push(result.events.length);
        return result;
      };
      const r = relay({ store: counting, lingerMs });
      r.start();
      await allDelivered(); // what came before
      batches.length = 0;
      const started = Date.now();
      for (let i = 0; i < 10; i++) {
        await appendMany(1, 1);
        // Far apart enough that a relay without linger sees most commits on their own, even on a busy machine.
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      const trickleMs = Date.now() - started;
      await allDelivered();
      await r.stop();
      return { batches, trickleMs };
    };
    const eager = await trickle(0);
    const lingerMs = 1000;
    const lingering = await trickle(lingerMs);
    expect(eager.batches.reduce((a, b) => a + b, 0)).toBe(10);
    expect(lingering.batches.reduce((a, b) => a + b, 0)).toBe(10);
    expect(eager.batches.length).toBeGreaterThanOrEqual(5);
    // A batch per linger and the read right after it (what committed while it was read), and possibly one read of
    // a poll that came during the trickle: three when the trickle takes less than a linger, a few more on a machine
    // so busy that it takes longer. Fewer, larger batches than without the linger in any case.
    expect(lingering.batches.length).toBeLessThanOrEqual(1 + 2 * Math.ceil(lingering.trickleMs / lingerMs));
    expect(lingering.batches.length).toBeLessThan(eager.batches.length);
  });

  it('looks at the feed about once a second when nothing happens, by default', async () => {
    let reads = 0;
    const counting = Object.create(store) as PostgresEventStore;
    counting.readAll = (from, limit) => {
      reads += 1;
      return store.readAll(from, limit);
    };
    const r = relay({ store: counting, pollIntervalMs: undefined });
    r.start();
    try {
      await allDelivered();
      await waitFor(async () => r.isLeader, 'the relay to lead');
      reads = 0;
      await new Promise((resolve) => setTimeout(resolve, 2_500));
      expect(reads).toBeLessThanOrEqual(4); // 50 at the former 50 ms
    } finally {
      await r.stop();
    }
  });

  it('loses and duplicates nothing when stopped mid-way, or killed between publish and checkpoint', async () => {
    const before = appended.length;
    await appendMany(40, 25);
    const first = relay({ batchSize: 50 });
    first.start();
    await waitFor(async () => first.stats.published > 0, 'the relay to publish');
    await first.stop();
    expect(first.stats.published).toBeLessThan(appended.length - before);

    await appendMany(10, 2);
    // A relay killed after JetStream acked a batch but before its checkpoint committed: the checkpoint is behind
    // what was published. Put it back to the start to make the gap as large as it can be.
    await saveRelayCheckpoint(store.pool, SCHEMA, eventStreamName(), FEED_START);
    const restarted = relay({ batchSize: 50 });
    restarted.start();
    await allDelivered();
    expectEachOnceInStreamOrder();
    expect(restarted.stats.duplicates).toBeGreaterThan(0);
    expect((await bus.events()).length).toBe(appended.length);
    await restarted.stop();
  });

  it('lets only one of two relays lead, and the other take over when the leader stops', async () => {
    const a = relay();
    const b = relay();
    let bothLed = false;
    const watch = setInterval(() => (bothLed ||= a.isLeader && b.isLeader), 5);
    try {
      a.start();
      b.start();
      await waitFor(async () => a.isLeader || b.isLeader, 'a leader');
      await appendMany(10, 3);
      await allDelivered();
      const [leader, standby] = a.isLeader ? [a, b] : [b, a];
      expect(standby.isLeader).toBe(false);
      expect(standby.stats).toEqual({ published: 0, duplicates: 0, parked: 0 });

      await leader.stop();
      await waitFor(async () => standby.isLeader, 'the standby to take over');
      await appendMany(10, 3);
      await allDelivered();
      expectEachOnceInStreamOrder();
      expect(standby.stats.published).toBeGreaterThan(0);
    } finally {
      clearInterval(watch);
    }
    expect(bothLed).toBe(false);
    expect((await bus.events()).length).toBe(appended.length);
  });

  it("wakes the leading instance over the bus when another instance's commit cannot", async () => {
    // Two instances of one service, as the service kit runs them: each has its own store, which does not NOTIFY (its
    // commits wake only its own relay, in-process), and its own relay; the one that does not lead tells the leader
    // of its commits on the bus. The polls are 10 minutes apart: only that message can bring the events out in time.
    await Promise.all(relays.map((r) => r.stop()));
    const other = await PostgresEventStore.connect({
      connectionString: db.url,
      schema: SCHEMA,
      poolSize: 2,
      notify: false,
    });
    try {
      const leader = relay({ pollIntervalMs: 600_000 });
      leader.start();
      await waitFor(async () => leader.isLeader, 'the first instance to lead');
      await allDelivered();
      const standby = relay({ store: other, pollIntervalMs: 600_000 });
      standby.start();
      await new Promise((resolve) => setTimeout(resolve, 100)); // past the standby's first try of the lock
      expect(standby.isLeader).toBe(false);

      const started = Date.now();
      for (let i = 0; i < 3; i++) {
        const { events } = await other.append(`order-${randomUUID()}`, [newEvent('OrderPlaced', i)], {
          expectedRevision: 'no_stream',
        });
        appended.push(...events);
      }
      await waitFor(async () => received.length >= appended.length, 'the commits of the standby instance', 10_000);
      expect(Date.now() - started).toBeLessThan(10_000);
      await allDelivered();
      expectEachOnceInStreamOrder();
      expect(standby.stats.published).toBe(0);
    } finally {
      await Promise.all(relays.map((r) => r.stop()));
      await other.close();
    }
  });

  it('gives up leadership when its database connection drops, and publishing carries on', async () => {
    const leaderPid = async () =>
      (
        await store.pool.query<{ pid: number }>(
          `SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
        )
      ).rows[0]?.pid;
    const c = relay();
    c.start();
    await waitFor(async () => relays.some((r) => r.isLeader) && (await leaderPid()), 'a leader');
    const oldPid = await leaderPid();
    await store.pool.query('SELECT pg_terminate_backend($1)', [oldPid]);
    await waitFor(async () => {
      const pid = await leaderPid();
      return pid !== undefined && pid !== oldPid;
    }, 'a new leader session');
    await appendMany(10, 3);
    await allDelivered();
    expectEachOnceInStreamOrder();
    expect(relays.filter((r) => r.isLeader)).toHaveLength(1);
  });
});
