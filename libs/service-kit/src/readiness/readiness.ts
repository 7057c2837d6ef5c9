import { Controller, Inject, Injectable } from '@nestjs/common';
import { healthPattern, type ServiceHealth } from '@platform/contracts';
import { PG_POOL } from '@platform/event-store';
import { RpcPattern } from '@platform/messaging';
import { createServer, type Server } from 'node:http';
import type { Pool } from 'pg';
import { SERVICE, type ResolvedService } from '../tokens';

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
  ) {}

  async check(): Promise<ServiceHealth> {
    const postgres = await this.pool.query('SELECT 1').then(
      () => 'up' as const,
      () => 'down' as const,
    );
    const checks = { postgres };
    return { service: this.service.name, status: postgres === 'up' ? 'up' : 'down', checks };
  }

  /** /health (the process lives) and /ready (this check) for probes of a service that otherwise speaks only NATS. */
  listen(port: number): Server {
    const server = createServer(async (req, res) => {
      const send = (status: number, body: unknown) =>
        res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      if (req.url === '/health') return send(200, { status: 'ok' });
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
