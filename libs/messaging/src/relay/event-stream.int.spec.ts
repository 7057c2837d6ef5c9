import { createTestBus, type TestBus } from '@platform/testing';
import type { NatsConnection } from 'nats';
import { eventStreamName } from '../config/bus-config';
import { BusClaimedError } from '../config/bus-identity';
import { connectNats } from '../nats/connect-nats';
import { ensureEventStream } from './event-stream';

let bus: TestBus;
let nc: NatsConnection;

beforeAll(async () => {
  bus = createTestBus('event_stream');
  nc = await connectNats({ name: 'event-stream-test' });
});
afterAll(async () => {
  await nc?.close();
  await bus?.dispose();
});

describe('the domain event stream', () => {
  it('keeps a window of events (age and size limits from the environment) and a short dedupe window when asked', async () => {
    process.env.EVENT_STREAM_MAX_AGE = '2d';
    process.env.EVENT_STREAM_MAX_BYTES = String(64 * 1024 * 1024);
    try {
      const info = await ensureEventStream(await nc.jetstreamManager(), {
        installation: 'aaaa',
        duplicateWindowMs: 1000,
      });
      expect(info.config).toMatchObject({
        name: eventStreamName(),
        max_age: 2 * 86_400 * 1e9,
        max_bytes: 64 * 1024 * 1024,
        duplicate_window: 1e9,
      });
    } finally {
      delete process.env.EVENT_STREAM_MAX_AGE;
      delete process.env.EVENT_STREAM_MAX_BYTES;
    }
  });

  it("belongs to one installation: another installation's relay is refused, saying how to choose a prefix", async () => {
    const jsm = await nc.jetstreamManager();
    await expect(ensureEventStream(jsm, { installation: 'aaaa' })).resolves.toBeDefined();
    const refused = ensureEventStream(jsm, { installation: 'bbbb' });
    await expect(refused).rejects.toBeInstanceOf(BusClaimedError);
    await expect(refused).rejects.toThrow(/BUS_PREFIX/);
  });
});
