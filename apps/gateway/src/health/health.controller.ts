import { Controller, Get, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { healthPattern, PLATFORM_SERVICES, type HealthState, type ServiceHealth } from '@platform/contracts';
import { BusClaimedError, busPrefix, installationId, RpcClient } from '@platform/messaging';
import type { FastifyReply } from 'fastify';
import { Public } from '../http/auth.guard';

const meta = { actorId: 'gateway', requestId: 'ready', correlationId: 'ready' };
const RANK: Record<HealthState, number> = { up: 0, degraded: 1, down: 2 };

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
   * 200 only when NATS and every registered service answer and none reports a dependency down; else 503 naming
   * what is down. A dependency's state is the worst any service reports; `degraded` (the relay holds events it
   * could not publish) keeps the platform ready but is listed, with the details, for an operator.
   */
  @Get('ready')
  async ready(@Res({ passthrough: true }) reply: FastifyReply) {
    const checks: Record<string, HealthState> = {};
    const worst = (name: string, state: HealthState) => {
      if (RANK[state] > RANK[checks[name] ?? 'up']) checks[name] = state;
      else checks[name] ??= state;
    };
    worst(
      'nats',
      await this.rpc.connected().then(
        () => 'up',
        () => 'down',
      ),
    );
    const answers = await Promise.all(
      PLATFORM_SERVICES.map(({ name }) =>
        this.rpc
          .send<ServiceHealth>(healthPattern(name), { meta, body: {} }, { timeoutMs: 1500 })
          .catch((): ServiceHealth => ({ service: name, status: 'down', checks: {} })),
      ),
    );
    for (const answer of answers) {
      Object.entries(answer.checks).forEach(([dependency, state]) => worst(dependency, state));
    }
    // An instance of another installation on our bus prefix would answer part of our requests from its database.
    const ours = installationId();
    const foreign = answers.filter((a) => ours && a.installation && a.installation !== ours);
    for (const answer of answers) worst(answer.service, foreign.includes(answer) ? 'down' : answer.status);
    const named = (state: HealthState) => Object.keys(checks).filter((k) => checks[k] === state);
    const [down, degraded] = [named('down'), named('degraded')];
    const relays = Object.fromEntries(answers.filter((a) => a.relay).map((a) => [a.service, a.relay]));
    if (down.length) reply.status(503);
    return {
      status: down.length ? 'unavailable' : 'ready',
      checks,
      ...(down.length ? { down } : {}),
      ...(degraded.length ? { degraded, relays } : {}),
      ...(foreign.length
        ? { conflict: new BusClaimedError(busPrefix(), foreign[0].installation!, ours!).message }
        : {}),
    };
  }
}
