import { randomBytes } from 'node:crypto';
import {
  connectNats,
  decodeBusEvent,
  eventStreamName,
  natsUrl,
  streamNamePrefix,
  type BusEvent,
} from '@platform/messaging';

export interface TestBus {
  /** BUS_PREFIX of this run: every subject and stream name it creates starts with it. */
  prefix: string;
  natsUrl: string;
  /** Environment for processes started by the test (`BUS_PREFIX`, `NATS_URL`). */
  env: { BUS_PREFIX: string; NATS_URL: string };
  /** Every event in the run's JetStream stream, in stream order (duplicates included, if any got in). */
  events(): Promise<BusEvent[]>;
  /** Deletes the run's JetStream streams (and their consumers) and restores BUS_PREFIX. */
  dispose(): Promise<void>;
}

/**
 * A bus prefix of its own for one test run, so runs sharing a NATS server never see each other's messages.
 * Sets `process.env.BUS_PREFIX` until dispose(): create it before the app under test is defined or built.
 */
export function createTestBus(label = 'test'): TestBus {
  const safeLabel = label
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .slice(0, 24);
  const prefix = `t_${safeLabel}_${randomBytes(5).toString('hex')}`;
  const url = natsUrl();
  const previous = process.env.BUS_PREFIX;
  process.env.BUS_PREFIX = prefix;
  return {
    prefix,
    natsUrl: url,
    env: { BUS_PREFIX: prefix, NATS_URL: url },
    events: () => storedEvents(eventStreamName(prefix)),
    dispose: async () => {
      if (process.env.BUS_PREFIX === prefix) {
        if (previous === undefined) delete process.env.BUS_PREFIX;
        else process.env.BUS_PREFIX = previous;
      }
      await deleteStreams(streamNamePrefix(prefix));
    },
  };
}

async function deleteStreams(namePrefix: string): Promise<void> {
  const nc = await connectNats({ name: 'test-bus-cleanup', maxReconnectAttempts: 0 });
  try {
    const jsm = await nc.jetstreamManager();
    const names: string[] = [];
    for await (const name of jsm.streams.names()) {
      if (name.startsWith(namePrefix)) names.push(name);
    }
    // Deleting a stream deletes its consumers too.
    await Promise.all(names.map((name) => jsm.streams.delete(name)));
  } finally {
    await nc.close();
  }
}

async function storedEvents(stream: string): Promise<BusEvent[]> {
  const nc = await connectNats({ name: 'test-bus-reader', maxReconnectAttempts: 0 });
  try {
    const jsm = await nc.jetstreamManager();
    const info = await jsm.streams.info(stream).catch(() => undefined);
    if (!info) return [];
    const events: BusEvent[] = [];
    for (let seq = info.state.first_seq; seq <= info.state.last_seq && info.state.messages > 0; seq++) {
      const msg = await jsm.streams.getMessage(stream, { seq }).catch(() => undefined); // deleted sequences leave gaps
      if (msg) events.push(decodeBusEvent(msg.data));
    }
    return events;
  } finally {
    await nc.close();
  }
}
