import type { JetStreamClient, PubAck } from 'nats';
import { eventSubject, streamCategory } from '../config/bus-config';
import { busEventHeaders, encodeBusEvent, type BusEvent } from '../events/bus-event';

/** What became of one event of a batch. */
export type EventOutcome =
  | { status: 'stored' | 'duplicate' }
  | { status: 'failed'; error: unknown }
  /** Not sent: an earlier event of its aggregate stream failed (order), or the bus itself failed. */
  | { status: 'held' };

export interface BatchOutcome {
  published: number;
  duplicates: number;
  /** One per event, in the batch's order. */
  outcomes: EventOutcome[];
}

/**
 * Whether JetStream or the NATS server refused this message for what it is (too large), as opposed to the bus
 * being unavailable: such an event will never be published as it is, whatever the retries.
 */
export function isUnpublishable(error: unknown): boolean {
  const e = error as { code?: unknown; message?: unknown; api_error?: { err_code?: number } } | null;
  if (e?.code === 'MAX_PAYLOAD_EXCEEDED' || e?.api_error?.err_code === 10054) return true;
  return typeof e?.message === 'string' && /max(imum)?[ _]payload|message size exceeds maximum/i.test(e.message);
}

/**
 * Publishes a batch of feed events with many acks in flight, without giving up order:
 * - publishes leave in feed order on one connection, so JetStream stores them in feed order;
 * - an event is sent only after JetStream acked the previous event of the same aggregate stream in this batch,
 *   and never after that event failed, so no later event of a stream is stored ahead of an earlier one;
 * - an event refused for what it is (too large) holds back only its own stream; a failure of the bus itself
 *   stops the batch. Every event's outcome is reported: the relay isolates the refused ones and retries the rest.
 */
export async function publishBatch(
  js: JetStreamClient,
  events: readonly BusEvent[],
  options: { prefix: string; stream: string },
): Promise<BatchOutcome> {
  const lastOfStream = new Map<string, Promise<PubAck>>();
  const blockedStreams = new Set<string>();
  const outcomes: Promise<EventOutcome>[] = [];
  let busFailed = false;
  for (const event of events) {
    const previous = lastOfStream.get(event.streamId);
    if (previous) await previous.catch(() => undefined);
    if (busFailed || blockedStreams.has(event.streamId)) {
      outcomes.push(Promise.resolve({ status: 'held' }));
      continue;
    }
    const ack = js.publish(
      eventSubject(streamCategory(event.streamId), event.type, options.prefix),
      encodeBusEvent(event),
      { msgID: event.id, headers: busEventHeaders(event), expect: { streamName: options.stream } },
    );
    lastOfStream.set(event.streamId, ack);
    outcomes.push(
      ack.then(
        (a): EventOutcome => ({ status: a.duplicate ? 'duplicate' : 'stored' }),
        (error: unknown): EventOutcome => {
          blockedStreams.add(event.streamId);
          if (!isUnpublishable(error)) busFailed = true;
          return { status: 'failed', error };
        },
      ),
    );
  }
  const settled = await Promise.all(outcomes);
  const count = (status: EventOutcome['status']) => settled.filter((o) => o.status === status).length;
  return { published: count('stored'), duplicates: count('duplicate'), outcomes: settled };
}
