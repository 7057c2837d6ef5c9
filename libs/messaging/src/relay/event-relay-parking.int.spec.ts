import { randomUUID } from 'node:crypto';
import { PostgresEventStore, type NewEvent } from '@platform/event-store';
import { createTestBus, createTestDatabase, waitFor, type TestBus, type TestDatabase } from '@platform/testing';
import type { NatsConnection } from 'nats';
import { eventStreamName } from '../config/bus-config';
import { connectNats } from '../nats/connect-nats';
import { EventRelay } from './event-relay';
import { ensureEventStream } from './event-stream';

// Reproduces a relay that stalled for good on one unpublishable event and, once the stream's dedupe window had
// passed, published duplicates: the event is set aside, every other event flows exactly once and in order.

const SCHEMA = 'relay_parking';
const WINDOW_MS = 1000;

let db: TestDatabase;
let bus: TestBus;
let store: PostgresEventStore;
let nc: NatsConnection;
let relay: EventRelay;
const quiet = { log: () => undefined, warn: () => undefined, error: () => undefined };

const newEvent = (n: number, pad = 0): NewEvent => ({
  type: 'ThingHappened',
  data: { n, pad: 'x'.repeat(pad) },
  metadata: { correlationId: randomUUID(), causationId: null, actorId: 'test', occurredAt: new Date().toISOString() },
});
const append = async (streamId: string, n: number, pad = 0) =>
  (await store.append(streamId, [newEvent(n, pad)], { expectedRevision: 'any' })).events[0];

const streamIds = async () => (await bus.events()).map((e) => e.id);
let published = new Set<string>();
const refresh = async () => (published = new Set(await streamIds()));

beforeAll(async () => {
  db = await createTestDatabase('relay_parking');
  bus = createTestBus('relay_parking');
  // The store here accepts events larger than the bus does, as an older release or a raised limit might have.
  store = await PostgresEventStore.connect({
    connectionString: db.url,
    schema: SCHEMA,
    maxEventBytes: 4 * 1024 * 1024,
  });
  nc = await connectNats({ name: 'relay-parking-test' });
  const jsm = await nc.jetstreamManager();
  const info = await ensureEventStream(jsm, { duplicateWindowMs: WINDOW_MS });
  await jsm.streams.update(eventStreamName(), { ...info.config, max_msg_size: 4096 });
  relay = new EventRelay({
    store,
    pool: store.pool,
    schema: SCHEMA,
    nats: nc,
    pollIntervalMs: 50,
    duplicateWindowMs: WINDOW_MS,
    retryParkedMs: 100,
    logger: quiet,
  });
  relay.start();
});

afterAll(async () => {
  await relay?.stop();
  await nc?.close();
  await store?.close();
  await bus?.dispose();
  await db?.drop();
});

describe('an event the bus cannot carry', () => {
  const a = `thing-${randomUUID()}`;
  const b = `thing-${randomUUID()}`;
  const c = `thing-${randomUUID()}`;
  const d = `thing-${randomUUID()}`;

  it('is set aside with the later events of its stream, and every other event is published once, in order', async () => {
    const a1 = await append(a, 1);
    const b1 = await append(b, 1, 1_100_000); // over NATS max_payload (1 MiB)
    const a2 = await append(a, 2);
    const b2 = await append(b, 2);
    const c1 = await append(c, 1);
    const d1 = await append(d, 1, 8000); // over the stream's max_msg_size: refused by JetStream
    const d2 = await append(d, 2);
    const c2 = await append(c, 2);
    await waitFor(async () => (await refresh(), published.has(c2.id)) && true, 'the later events on the bus');
    await waitFor(async () => relay.stats.parked === 4 && true, 'four events set aside');
    // Past the dedupe window, with retries of the set-aside events going on: still nothing twice.
    await new Promise((r) => setTimeout(r, WINDOW_MS * 2));
    const a3 = await append(a, 3);
    const b3 = await append(b, 3);
    await waitFor(async () => (await refresh(), published.has(a3.id)) && true, 'a3 on the bus');
    await waitFor(async () => relay.stats.parked === 5 && true, 'b3 waiting behind b1');
    const ids = await streamIds();
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual([a1.id, a2.id, c1.id, c2.id, a3.id]);
    expect([b1, b2, b3, d1, d2].some((e) => published.has(e.id))).toBe(false);
    expect(await relay.checkpoint()).toEqual({ transactionId: b3.transactionId, position: b3.position });
  });

  it('is published, with the events waiting behind it and in their order, once the bus accepts it', async () => {
    const jsm = await nc.jetstreamManager();
    const info = await jsm.streams.info(eventStreamName());
    await jsm.streams.update(eventStreamName(), { ...info.config, max_msg_size: 64 * 1024 });
    await waitFor(async () => relay.stats.parked === 3 && true, "d's events published", 20_000);
    const d3 = await append(d, 3);
    await waitFor(
      async () => (await refresh(), published.has(d3.id)) && true,
      'd3 on the bus after its stream drained',
    );
    const events = await bus.events();
    const ofD = events.filter((e) => e.streamId === d).map((e) => e.revision);
    expect(ofD).toEqual([1, 2, 3]);
    const ids = events.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(events.some((e) => e.streamId === b)).toBe(false);
  });
});
