import { isBusEventEnvelope, type BusEventEnvelope } from '@platform/contracts';
import { randomBytes } from 'node:crypto';
import { connect, type NatsConnection } from 'nats';

// This lib talks to NATS directly instead of importing @platform/messaging: messaging's own tests use these
// helpers, and a testing -> messaging -> event-store -> testing dependency would be a project cycle. It relies
// only on two bus conventions: NATS_URL names the servers, and every subject of a bus prefix starts with
// `<prefix>.` (its domain events with `<prefix>.events.`). tools/test-bus.int.spec.ts checks them against
// messaging's own functions.

const DEFAULT_NATS_URL = 'nats://127.0.0.1:4222';

/** A domain event as the relay publishes it (the shape of messaging's BusEvent). */
export type PublishedBusEvent = BusEventEnvelope;

export interface TestBus {
  /** BUS_PREFIX of this run: every subject and stream name it creates starts with it. */
  prefix: string;
  natsUrl: string;
  /** Environment for processes started by the test (`BUS_PREFIX`, `NATS_URL`). */
  env: { BUS_PREFIX: string; NATS_URL: string };
  /** Every event in the run's JetStream stream, in stream order (duplicates included, if any got in). */
  events(): Promise<PublishedBusEvent[]>;
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
  const previous = process.env.BUS_PREFIX;
  process.env.BUS_PREFIX = prefix;
  const bus = busOfPrefix(prefix);
  return {
    ...bus,
    dispose: async () => {
      if (process.env.BUS_PREFIX === prefix) {
        if (previous === undefined) delete process.env.BUS_PREFIX;
        else process.env.BUS_PREFIX = previous;
      }
      await bus.dispose();
    },
  };
}

/** The streams and events of a prefix chosen elsewhere (a platform's derived one), to read and remove them. */
export function busOfPrefix(prefix: string): TestBus {
  const url = process.env.NATS_URL || DEFAULT_NATS_URL;
  return {
    prefix,
    natsUrl: url,
    env: { BUS_PREFIX: prefix, NATS_URL: url },
    events: () => storedEvents(url, `${prefix}.events.>`),
    dispose: () => deleteStreams(url, `${prefix}.>`),
  };
}

function connectTo(url: string, name: string): Promise<NatsConnection> {
  const servers = url
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
  return connect({ servers, name, maxReconnectAttempts: 0 });
}

/** Names of the streams that capture any subject matching `subjects`. */
async function streamsOf(nc: NatsConnection, subjects: string): Promise<string[]> {
  const jsm = await nc.jetstreamManager();
  const names: string[] = [];
  for await (const name of jsm.streams.names(subjects)) names.push(name);
  return names;
}

async function deleteStreams(url: string, subjects: string): Promise<void> {
  const nc = await connectTo(url, 'test-bus-cleanup');
  try {
    const jsm = await nc.jetstreamManager();
    // Deleting a stream deletes its consumers too.
    await Promise.all((await streamsOf(nc, subjects)).map((name) => jsm.streams.delete(name)));
  } finally {
    await nc.close();
  }
}

async function storedEvents(url: string, subjects: string): Promise<PublishedBusEvent[]> {
  const nc = await connectTo(url, 'test-bus-reader');
  try {
    const jsm = await nc.jetstreamManager();
    const events: PublishedBusEvent[] = [];
    for (const stream of await streamsOf(nc, subjects)) {
      const info = await jsm.streams.info(stream).catch(() => undefined);
      if (!info) continue;
      for (let seq = info.state.first_seq; seq <= info.state.last_seq && info.state.messages > 0; seq++) {
        const msg = await jsm.streams.getMessage(stream, { seq }).catch(() => undefined); // deleted sequences leave gaps
        if (msg) events.push(decode(msg.data));
      }
    }
    return events;
  } finally {
    await nc.close();
  }
}

/** Parses what the relay published; anything else is a failure of the code under test, not of the helper. */
function decode(body: Uint8Array): PublishedBusEvent {
  const e: unknown = JSON.parse(new TextDecoder().decode(body));
  if (!isBusEventEnvelope(e)) throw new Error(`Not a bus event: ${JSON.stringify(e)}`);
  return e;
}
