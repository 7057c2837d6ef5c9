import { randomUUID } from 'node:crypto';
import {
  busEventHeaders,
  connectNats,
  decodeBusEvent,
  encodeBusEvent,
  ensureEventStream,
  eventStreamName,
  eventSubject,
  natsUrl,
  streamNamePrefix,
  type BusEvent,
} from '@platform/messaging';
import { createTestBus } from '@platform/testing';
import type { NatsConnection } from 'nats';

// libs/testing finds a run's streams on its own (it may not import @platform/messaging, whose tests use it):
// this checks that it agrees with messaging on where the events of a bus prefix are and what they look like.
let nc: NatsConnection;

beforeAll(async () => {
  nc = await connectNats({ name: 'test-bus-check', maxReconnectAttempts: 0 });
});

afterAll(async () => {
  await nc?.close();
});

const streamNames = async (): Promise<string[]> => {
  const names: string[] = [];
  for await (const name of (await nc.jetstreamManager()).streams.names()) names.push(name);
  return names;
};

describe('the test bus', () => {
  it('uses the NATS server and bus prefix the platform reads', async () => {
    const bus = createTestBus('check-env');
    try {
      expect(bus.natsUrl).toBe(natsUrl());
      expect(bus.env).toEqual({ BUS_PREFIX: bus.prefix, NATS_URL: natsUrl() });
      expect(process.env.BUS_PREFIX).toBe(bus.prefix);
    } finally {
      await bus.dispose();
    }
  });

  it('reads the events published on its prefix and removes every stream of the prefix', async () => {
    const bus = createTestBus('check-streams');
    try {
      const jsm = await nc.jetstreamManager();
      await ensureEventStream(jsm, { prefix: bus.prefix });
      // A second stream of the same prefix, as a consumer-side component of a test run might create.
      await jsm.streams.add({ name: `${streamNamePrefix(bus.prefix)}OTHER`, subjects: [`${bus.prefix}.other.>`] });
      const event: BusEvent = {
        id: randomUUID(),
        streamId: `thing-${randomUUID()}`,
        type: 'ThingHappened',
        schemaVersion: 1,
        data: { n: 1 },
        metadata: {
          correlationId: randomUUID(),
          causationId: null,
          actorId: 'test',
          occurredAt: new Date().toISOString(),
        },
        revision: 1,
        position: 0,
      };
      const subject = eventSubject('thing', event.type, bus.prefix);
      await nc.jetstream().publish(subject, encodeBusEvent(event), { headers: busEventHeaders(event) });

      expect(await bus.events()).toEqual([decodeBusEvent(encodeBusEvent(event))]);
      expect(await streamNames()).toEqual(
        expect.arrayContaining([eventStreamName(bus.prefix), `${streamNamePrefix(bus.prefix)}OTHER`]),
      );
    } finally {
      await bus.dispose();
    }
    expect((await streamNames()).filter((name) => name.startsWith(streamNamePrefix(bus.prefix)))).toEqual([]);
  });
});
