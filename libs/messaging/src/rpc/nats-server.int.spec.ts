import { Controller, Module, type INestApplicationContext, type INestMicroservice } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { countSocketWrites, createTestBus, type TestBus } from '@platform/testing';
import type { NatsConnection } from 'nats';
import { natsMicroserviceOptions } from './nats-microservice-options';
import type { PlatformNatsServer } from './nats-server';
import { RpcClient } from './rpc-client';
import { RpcClientModule } from './rpc-client.module';
import { RpcPattern } from './rpc-pattern.decorator';
import { RpcProblemError } from './rpc-problem.error';

// The service side of the bus under stress: replies the bus cannot carry, and a shutdown with requests in flight.
let release!: () => void;
const gate = new Promise<void>((resolve) => (release = resolve));
let waiting = 0;
const TICKS = 20;
const ticking: Array<() => void> = [];

function serviceModule() {
  @Controller()
  class StressController {
    @RpcPattern('stress.huge')
    huge() {
      return { text: 'x'.repeat(2 * 1024 * 1024) }; // twice NATS max_payload
    }

    @RpcPattern('stress.small')
    small() {
      return { ok: true };
    }

    @RpcPattern('stress.tick')
    async tick(data: { n: number }) {
      // Once all twenty have arrived (in one read or several), each completes in its own callback of one turn, as
      // handlers whose database answers arrive on their own connections.
      await new Promise<void>((resolve) => {
        ticking.push(resolve);
        if (ticking.length === TICKS) for (const next of ticking.splice(0)) setImmediate(next);
      });
      return data;
    }

    @RpcPattern('stress.slow')
    async slow() {
      waiting += 1;
      await gate;
      return { done: true };
    }
  }
  @Module({ controllers: [StressController] })
  class StressModule {}
  return StressModule;
}

describe('the service side of NATS request/reply', () => {
  let bus: TestBus;
  let service: INestMicroservice;
  let server: PlatformNatsServer;
  let caller: INestApplicationContext;
  let rpc: RpcClient;

  beforeAll(async () => {
    bus = createTestBus('nats_server');
    const options = natsMicroserviceOptions('stress-service');
    server = options.strategy as PlatformNatsServer;
    service = await NestFactory.createMicroservice(serviceModule(), { ...options, logger: false });
    await service.listen();
    caller = await NestFactory.createApplicationContext(RpcClientModule.forRoot({ timeoutMs: 8000 }), {
      logger: false,
    });
    await caller.init();
    rpc = caller.get(RpcClient);
  });

  afterAll(async () => {
    await service?.close().catch(() => undefined);
    await caller?.close();
    await bus?.dispose();
  });

  it('answers a reply too large for the bus with a problem, and goes on serving', async () => {
    const err = await rpc.send('stress.huge', {}).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(RpcProblemError);
    expect((err as RpcProblemError).problem).toMatchObject({ status: 500, detail: expect.stringContaining('larger') });
    await expect(rpc.send('stress.small', {})).resolves.toEqual({ ok: true });
  });

  it('sends the answers that complete in one turn of the event loop in one write to the bus', async () => {
    await rpc.send('stress.small', {});
    const nc = (server as unknown as { natsClient: NatsConnection }).natsClient;
    const writes = countSocketWrites(nc);
    const answers = await Promise.all(Array.from({ length: TICKS }, (_, n) => rpc.send('stress.tick', { n })));
    expect(answers).toEqual(Array.from({ length: TICKS }, (_, n) => ({ n })));
    expect(writes()).toBe(1);
  });

  it('on shutdown stops taking requests but answers every request in flight before it closes', async () => {
    const inFlight = Array.from({ length: 8 }, () => rpc.send('stress.slow', {}));
    const deadline = Date.now() + 5000;
    while (waiting < 8 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    expect(waiting).toBe(8);
    const closed = service.close();
    // Longer than the old fixed grace period (1 s): the answers must still come.
    await new Promise((r) => setTimeout(r, 1500));
    await expect(rpc.send('stress.small', {}, { timeoutMs: 1000 })).rejects.toBeInstanceOf(RpcProblemError);
    release();
    await expect(Promise.all(inFlight)).resolves.toEqual(Array.from({ length: 8 }, () => ({ done: true })));
    await closed;
  });
});
