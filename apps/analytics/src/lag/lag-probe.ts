import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { AnalyticsLagDto } from '@platform/contracts';
import { busPrefix, connectNats, eventStreamName } from '@platform/messaging';
import type { NatsConnection } from 'nats';
import { ANALYTICS_CONSUMER } from '../projections/analytics.consumer';

/**
 * How far the read models are behind the bus: events in the stream the projection consumer has not acknowledged,
 * and the age of the oldest of them (the first one after the consumer's ack floor).
 */
@Injectable()
export class LagProbe implements OnApplicationShutdown {
  private nats?: Promise<NatsConnection>;
  private readonly stream = eventStreamName(busPrefix());

  async measure(): Promise<AnalyticsLagDto> {
    const nc = await (this.nats ??= connectNats({ name: 'analytics-lag' }));
    const jsm = await nc.jetstreamManager();
    const measuredAt = Date.now();
    const [info, stream] = await Promise.all([
      jsm.consumers.info(this.stream, ANALYTICS_CONSUMER).catch(() => undefined),
      jsm.streams.info(this.stream),
    ]);
    const head = stream.state.last_seq;
    const floor = info?.ack_floor.stream_seq ?? 0;
    const events = info ? info.num_pending + info.num_ack_pending : Math.max(0, stream.state.messages);
    let seconds = 0;
    if (events > 0 && floor < head) {
      const oldest = await jsm.streams
        .getMessage(this.stream, { seq: Math.max(floor + 1, stream.state.first_seq) })
        .catch(() => undefined);
      if (oldest) seconds = Math.max(0, (measuredAt - oldest.time.getTime()) / 1000);
    }
    return {
      consumer: ANALYTICS_CONSUMER,
      events,
      seconds,
      streamHead: head,
      measuredAt: new Date(measuredAt).toISOString(),
    };
  }

  async onApplicationShutdown(): Promise<void> {
    const nc = await this.nats?.catch(() => undefined);
    await nc?.drain().catch(() => undefined);
  }
}
