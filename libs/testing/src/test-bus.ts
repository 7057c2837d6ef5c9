import { isBusEventEnvelope, type BusEventEnvelope } from '@platform/contracts';
import { deleteStreams, natsUrl, storedMessages, uniqueName } from '@platform/dev';
import type { NatsConnection } from 'nats';

// This lib talks to NATS directly instead of importing @platform/messaging: messaging's own tests use these
// helpers, and a testing -> messaging -> event-store -> testing dependency would be a project cycle. It relies
// only on two bus conventions: NATS_URL names the servers, and every subject of a bus prefix starts with
// `<prefix>.` (its domain events with `<prefix>.events.`). tools/test-bus.int.spec.ts checks them against
// messaging's own functions.

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
  const prefix = uniqueName('t', label, 24);
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
  return {
    prefix,
    natsUrl: natsUrl(),
    env: { BUS_PREFIX: prefix, NATS_URL: natsUrl() },
    events: async () => (await storedMessages(`${prefix}.events.>`)).map(decode),
    dispose: () => deleteStreams(`${prefix}.>`),
  };
}

/** What the relay published; anything else is a failure of the code under test, not of the helper. */
function decode(body: unknown): PublishedBusEvent {
  if (!isBusEventEnvelope(body)) throw new Error(`Not a bus event: ${JSON.stringify(body)}`);
  return body;
}

/**
 * Counts the writes of a NATS connection to its socket from now on (its transport sends once per write): whether
 * messages published together leave together. Returns the count so far.
 */
export function countSocketWrites(nc: NatsConnection): () => number {
  const transport = (nc as unknown as { protocol: { transport: { send(frame: Uint8Array): void } } }).protocol
    .transport;
  const send = transport.send.bind(transport);
  let writes = 0;
  transport.send = (frame) => {
    writes += 1;
    send(frame);
  };
  return () => writes;
}
