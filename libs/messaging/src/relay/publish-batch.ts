import type { JetStreamClient, PubAck } from 'nats';
import { eventSubject, streamCategory } from '../config/bus-config';
import { busEventHeaders, encodeBusEvent, type BusEvent } from '../events/bus-event';

export interface BatchOutcome {
  published: number;
  duplicates: number;
}

/**
 * Publishes a batch of feed events with many acks in flight, without giving up order:
 * - publishes leave in feed order on one connection, so JetStream stores them in feed order;
 * - an event is sent only after JetStream acked the previous event of the same aggregate stream in this
 *   batch, so when a publish fails no later event of that stream can be stored ahead of it;
 * - after the first failure nothing more is sent, and the error is thrown once the rest has settled: the
 *   caller retries from its checkpoint and JetStream drops what it already has (same Nats-Msg-Id).
 * Awaiting each ack in turn would be just as safe, but one event-loop turn per event caps the relay's rate.
 */
export async function publishBatch(
  js: JetStreamClient,
  events: readonly BusEvent[],
  options: { prefix: string; stream: string },
): Promise<BatchOutcome> {
  const lastOfStream = new Map<string, Promise<PubAck>>();
  const acks: Promise<PubAck>[] = [];
  let failure: { error: unknown } | undefined;
  for (const event of events) {
    const previous = lastOfStream.get(event.streamId);
    if (previous) await previous.catch(() => undefined);
    if (failure) break;
    const ack = js.publish(
      eventSubject(streamCategory(event.streamId), event.type, options.prefix),
      encodeBusEvent(event),
      {
        msgID: event.id,
        headers: busEventHeaders(event),
        expect: { streamName: options.stream },
      },
    );
    ack.catch((error: unknown) => (failure ??= { error }));
    lastOfStream.set(event.streamId, ack);
    acks.push(ack);
  }
  const settled = await Promise.allSettled(acks);
  if (failure) throw failure.error;
  const duplicates = settled.filter((s) => s.status === 'fulfilled' && s.value.duplicate).length;
  return { published: settled.length - duplicates, duplicates };
}
