import { Inject, Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Gauge, Registry } from 'prom-client';
import { RelayHost } from '../relay/relay.host';
import { SERVICE, type ResolvedService } from '../tokens';

/** Prometheus metrics of a service, served at /metrics on HEALTH_PORT: the process and its relay. */
@Injectable()
export class ServiceMetrics {
  readonly registry = new Registry();

  constructor(@Inject(SERVICE) service: ResolvedService, @Inject(RelayHost) relay: RelayHost) {
    this.registry.setDefaultLabels({ service: service.name });
    collectDefaultMetrics({ register: this.registry });
    const relayGauge = (name: string, help: string, read: () => number) =>
      new Gauge({
        name,
        help,
        registers: [this.registry],
        collect() {
          this.set(read());
        },
      });
    relayGauge(
      'relay_parked_events',
      'Events set aside as not publishable, with those waiting behind them',
      () => relay.stats.parked,
    );
    relayGauge(
      'relay_published_events',
      'Events this process published to JetStream since it started',
      () => relay.stats.published,
    );
    relayGauge('relay_leader', '1 while this process leads the relay of its schema', () => Number(relay.stats.leader));
  }
}
