import { Controller, Get, Inject, OnModuleDestroy, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { AssistantPatterns } from '@platform/contracts';
import { RpcClient } from '@platform/messaging';
import type { FastifyReply } from 'fastify';
import { Pool } from 'pg';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config';
import { Public } from '../http/auth.guard';

const SERVICE_PINGS: Record<string, string> = { assistants: AssistantPatterns.ping };

@ApiExcludeController()
@Public()
@Controller()
export class HealthController implements OnModuleDestroy {
  private readonly pool: Pool;

  constructor(
    private readonly rpc: RpcClient,
    @Inject(GATEWAY_CONFIG) config: GatewayConfig,
  ) {
    this.pool = new Pool({ connectionString: config.databaseUrl, max: 1, connectionTimeoutMillis: 1000 });
    this.pool.on('error', () => undefined); // a dropped idle connection shows up in the next /ready instead
  }

  @Get('health')
  health() {
    return { status: 'ok' };
  }

  /** 200 only when NATS, PostgreSQL and every service answer; else 503 naming what is down. */
  @Get('ready')
  async ready(@Res({ passthrough: true }) reply: FastifyReply) {
    const checks: Record<string, string> = {};
    const check = async (name: string, probe: () => Promise<unknown>) => {
      try {
        await probe();
        checks[name] = 'up';
      } catch {
        checks[name] = 'down';
      }
    };
    await Promise.all([
      check('nats', () => this.rpc.connected()),
      check('postgres', () => this.pool.query('SELECT 1')),
      ...Object.entries(SERVICE_PINGS).map(([name, pattern]) =>
        check(name, () =>
          this.rpc.send(
            pattern,
            { meta: { actorId: 'gateway', requestId: 'ready', correlationId: 'ready' }, body: {} },
            { timeoutMs: 1500 },
          ),
        ),
      ),
    ]);
    const down = Object.keys(checks).filter((k) => checks[k] !== 'up');
    if (down.length) reply.status(503);
    return down.length ? { status: 'unavailable', down, checks } : { status: 'ready', checks };
  }

  async onModuleDestroy() {
    await this.pool.end();
  }
}
