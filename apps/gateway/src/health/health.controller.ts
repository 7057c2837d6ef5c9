import { Controller, Get, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { healthPattern, PLATFORM_SERVICES, type ServiceHealth } from '@platform/contracts';
import { RpcClient } from '@platform/messaging';
import type { FastifyReply } from 'fastify';
import { Public } from '../http/auth.guard';

const meta = { actorId: 'gateway', requestId: 'ready', correlationId: 'ready' };

@ApiExcludeController()
@Public()
@Controller()
export class HealthController {
  constructor(private readonly rpc: RpcClient) {}

  @Get('health')
  health() {
    return { status: 'ok' };
  }

  /**
   * 200 only when NATS and every registered service answer and each reports its own dependencies up; else 503
   * naming what is down. A dependency (postgres) is down when any service that answered says so.
   */
  @Get('ready')
  async ready(@Res({ passthrough: true }) reply: FastifyReply) {
    const checks: Record<string, string> = {};
    checks.nats = await this.rpc.connected().then(
      () => 'up',
      () => 'down',
    );
    const answers = await Promise.all(
      PLATFORM_SERVICES.map(({ name }) =>
        this.rpc
          .send<ServiceHealth>(healthPattern(name), { meta, body: {} }, { timeoutMs: 1500 })
          .catch(() => ({ service: name, status: 'down', checks: {} }) as ServiceHealth),
      ),
    );
    for (const answer of answers) {
      for (const [dependency, state] of Object.entries(answer.checks)) {
        if (checks[dependency] !== 'down') checks[dependency] = state;
      }
    }
    for (const answer of answers) checks[answer.service] = answer.status;
    const down = Object.keys(checks).filter((k) => checks[k] !== 'up');
    if (down.length) reply.status(503);
    return down.length ? { status: 'unavailable', down, checks } : { status: 'ready', checks };
  }
}
