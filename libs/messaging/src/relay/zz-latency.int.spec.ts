import { randomUUID } from 'node:crypto';
import { PostgresEventStore } from '@platform/event-store';
import { createTestBus, createTestDatabase } from '@platform/testing';
import { AckPolicy, DeliverPolicy } from 'nats';
import { eventStreamName } from '../config/bus-config';
import { decodeBusEvent } from '../events/bus-event';
import { connectNats } from '../nats/connect-nats';
import { EventRelay } from './event-relay';
import { ensureEventStream } from './event-stream';

jest.setTimeout(120_000);
it('latency', async () => {
  const bus = createTestBus('lat');
  const db = await createTestDatabase('lat');
  const store = await PostgresEventStore.connect({ connectionString: db.url, schema: 'lat' });
  const nc = await connectNats();
  const jsm = await nc.jetstreamManager();
  await ensureEventStream(jsm);
  await jsm.consumers.add(eventStreamName(), { durable_name: 'c', ack_policy: AckPolicy.Explicit, deliver_policy: DeliverPolicy.All });
  const msgs = await (await nc.jetstream().consumers.get(eventStreamName(), 'c')).consume();
  const committed = new Map<string, number>();
  const lat: number[] = [];
  const got = new Map<string, number>();
  void (async () => { for await (const m of msgs) { const e = decodeBusEvent(m.data); got.set(e.id, performance.now()); m.ack(); } })();
  const relay = new EventRelay({ store, pool: store.pool, schema: 'lat', nats: nc });
  relay.start();
  const meta = () => ({ correlationId: randomUUID(), causationId: null, actorId: 'x', occurredAt: new Date().toISOString() });
  const run = async (writers: number, each: number) => {
    await Promise.all(Array.from({ length: writers }, async () => {
      for (let i = 0; i < each; i++) {
        const id = randomUUID();
        await store.append(`lat-${randomUUID()}`, [{ id, type: 'T', data: {}, metadata: meta() }], { expectedRevision: 'no_stream' });
        committed.set(id, performance.now());
        await new Promise((r) => setTimeout(r, 5));
      }
    }));
  };
  for (const [w, e] of [[1, 300], [8, 100]] as const) {
    lat.length = 0; committed.clear(); got.clear();
    await run(w, e);
    while ([...committed.keys()].some((k) => !got.has(k))) await new Promise((r) => setTimeout(r, 50));
    for (const [k, t] of committed) lat.push(Math.max(0, got.get(k)! - t));
    lat.sort((a, b) => a - b);
    const q = (p: number) => lat[Math.min(lat.length - 1, Math.floor(lat.length * p))].toFixed(1);
    console.log(`writers=${w} n=${lat.length} p50=${q(0.5)} p99=${q(0.99)} max=${q(1)}`);
  }
  await relay.stop(); await msgs.close(); await nc.close(); await store.close(); await db.drop(); await bus.dispose();
});
