import { Controller, Inject, Injectable } from '@nestjs/common';
import { healthPattern, type ServiceHealth } from '@platform/contracts';
import { PG_POOL } from '@platform/event-store';
import { installationId, RpcPattern } from '@platform/messaging';
import { createServer, type Server } from 'node:http';
import type { Pool } from 'pg';
import { RelayHost } from '../relay/relay.host';
import { SERVICE, type ResolvedService } from '../tokens';
import { ServiceMetrics } from './metrics';

/**
 * The one answer to "can this service do its work right now?", given on the bus (the gateway's /ready asks every
 * registered service) and over plain HTTP on HEALTH_PORT (orchestrators' probes). It answers even when a
 * dependency is down, saying which.
 */
@Injectable()
export class Readiness {
  constructor(
    @Inject(SERVICE) private readonly service: ResolvedService,
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(RelayHost) private readonly relay: RelayHost,
    @Inject(ServiceMetrics) private readonly metrics: ServiceMetrics,
  ) {}

  /** Down when PostgreSQL is; degraded (still ready) while the relay holds events it could not publish. */
  async check(): Promise<ServiceHealth> {
    const postgres = await this.pool.query('SELECT 1').then(
      () => 'up' as const,
      () => 'down' as const,
    );
    const { parked } = this.relay.stats;
    const checks = { postgres, relay: parked > 0 ? ('degraded' as const) : ('up' as const) };
    return {
      service: this.service.name,
      status: postgres === 'up' ? 'up' : 'down',
      checks,
      ...(parked > 0 ? { relay: { parkedEvents: parked } } : {}),
      installation: installationId(),
    };
  }

  /** /health (the process lives) and /ready (this check) for probes of a service that otherwise speaks only NATS. */
  listen(port: number): Server {
    const server = createServer(async (req, res) => {
      const send = (status: number, body: unknown) =>
        res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      if (req.url === '/health') return send(200, { status: 'ok' });
      if (req.url === '/metrics') {
        res.writeHead(200, { 'content-type': this.metrics.registry.contentType });
        return res.end(await this.metrics.registry.metrics());
      }
      if (req.url !== '/ready') return send(404, { status: 404, title: 'Not found' });
      const health = await this.check();
      send(health.status === 'up' ? 200 : 503, health);
    });
    return server.listen(port);
  }
}

/** Registers `<service>.health` for the service this module runs; built per service because the subject is. */
export function healthController(service: string) {
  @Controller()
  class HealthController {
    constructor(@Inject(Readiness) readonly readiness: Readiness) {}

    @RpcPattern(healthPattern(service))
    health(): Promise<ServiceHealth> {
      return this.readiness.check();
    }
  }
  return HealthController;
}
