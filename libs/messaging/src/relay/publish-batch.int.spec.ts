import { randomUUID } from 'node:crypto';
import { createTestBus, type TestBus } from '@platform/testing';
import type { NatsConnection } from 'nats';
import { eventStreamName } from '../config/bus-config';
import type { BusEvent } from '../events/bus-event';
import { connectNats } from '../nats/connect-nats';
import { ensureEventStream } from './event-stream';
import { isUnpublishable, publishBatch } from './publish-batch';

jest.setTimeout(30_000);

let bus: TestBus;
let nc: NatsConnection;

const event = (streamId: string, revision: number, size = 10): BusEvent => ({
  id: randomUUID(),
  streamId,
  type: 'ThingHappened',
  schemaVersion: 1,
  data: { pad: 'x'.repeat(size) },
  metadata: { correlationId: randomUUID(), causationId: null, actorId: 'test', occurredAt: new Date().toISOString() },
  revision,
  position: 0,
});

beforeAll(async () => {
  bus = createTestBus('publish');
  nc = await connectNats({ name: 'publish-batch-test' });
  const jsm = await nc.jetstreamManager();
  const info = await ensureEventStream(jsm);
  // Small enough that one oversized event is refused, as a stand-in for any publish failing mid-batch.
  await jsm.streams.update(eventStreamName(), { ...info.config, max_msg_size: 2048 });
});

afterAll(async () => {
  await nc?.close();
  await bus?.dispose();
});

describe('publishBatch', () => {
  it('stores a batch in feed order and reports what JetStream already had', async () => {
    const a = `thing-${randomUUID()}`;
    const b = `thing-${randomUUID()}`;
    const batch = [event(a, 1), event(b, 1), event(a, 2), event(a, 3), event(b, 2)];
    const opts = { prefix: bus.prefix, stream: eventStreamName() };
    expect(await publishBatch(nc.jetstream(), batch, opts)).toMatchObject({ published: 5, duplicates: 0 });
    expect(await publishBatch(nc.jetstream(), batch, opts)).toMatchObject({ published: 0, duplicates: 5 });
    expect((await bus.events()).map((e) => e.id)).toEqual(batch.map((e) => e.id));
  });

  it('holds back the later events of a stream whose event was refused, and publishes the other streams', async () => {
    const before = (await bus.events()).length;
    const a = `thing-${randomUUID()}`;
    const b = `thing-${randomUUID()}`;
    const batch = [event(a, 1), event(b, 1), event(a, 2, 4096), event(a, 3), event(b, 2)];
    const outcome = await publishBatch(nc.jetstream(), batch, { prefix: bus.prefix, stream: eventStreamName() });
    expect(outcome.outcomes.map((o) => o.status)).toEqual(['stored', 'stored', 'failed', 'held', 'stored']);
    const failed = outcome.outcomes[2] as { error: Error };
    expect(failed.error.message).toMatch(/message size exceeds maximum/i);
    expect(isUnpublishable(failed.error)).toBe(true);
    const stored = (await bus.events()).slice(before).map((e) => e.id);
    expect(stored).toEqual([batch[0].id, batch[1].id, batch[4].id]);
  });
});
