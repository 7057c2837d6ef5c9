import { Controller, Module, type INestApplicationContext, type INestMicroservice, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Payload, RpcException } from '@nestjs/microservices';
import { problem, type ProblemDetails } from '@platform/contracts';
import { EventStoreUnavailableError } from '@platform/event-store';
import { createTestBus, type TestBus } from '@platform/testing';
import { natsMicroserviceOptions } from './nats-microservice-options';
import { RpcClient } from './rpc-client';
import { RpcClientModule } from './rpc-client.module';
import { mapErrors, type ErrorMapper } from './error-mapping';
import { RpcPattern } from './rpc-pattern.decorator';
import { provideRpcProblemFilter, RpcProblemFilter } from './rpc-problem.filter';
import { RpcProblemError } from './rpc-problem.error';

jest.setTimeout(30_000);

class SlugTakenError extends Error {}
class ArchivedError extends Error {}

const handled: Array<{ instance: string; requestId: string }> = [];

// Built after createTestBus() set BUS_PREFIX: @RpcPattern fixes the subject when the class is defined.
function serviceModule(instance: string, filter?: ErrorMapper): Type {
  @Controller()
  class TestController {
    @RpcPattern('test.echo')
    echo(@Payload() payload: unknown) {
      return { echoed: payload, instance };
    }

    @RpcPattern('test.count')
    count(@Payload() { requestId }: { requestId: string }) {
      handled.push({ instance, requestId });
      return { instance };
    }

    @RpcPattern('test.slug-taken')
    slugTaken(): never {
      throw new SlugTakenError('The slug "support" is already used');
    }

    @RpcPattern('test.archived')
    archived(): never {
      throw new ArchivedError('Assistant is archived');
    }

    @RpcPattern('test.invalid')
    invalid(): never {
      throw new RpcException(
        problem(400, 'The request has invalid fields', [
          { field: 'configuration.temperature', message: 'must be ≤ 2' },
        ]),
      );
    }

    @RpcPattern('test.db-down')
    dbDown(): never {
      throw new EventStoreUnavailableError(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }));
    }

    @RpcPattern('test.crash')
    crash(): never {
      throw new TypeError('cannot read properties of undefined');
    }

    @RpcPattern('test.silent')
    silent(): Promise<never> {
      return new Promise<never>(() => undefined);
    }
  }
  @Module({ controllers: [TestController], providers: filter ? [provideRpcProblemFilter(filter)] : [] })
  class TestServiceModule {}
  return TestServiceModule;
}

// Each instance adds its name to the problem, to show which one answered (and that extensions arrive intact).
const serviceErrors = (instance: string): ErrorMapper => {
  const table = mapErrors([
    [SlugTakenError, 409],
    [ArchivedError, 409],
  ]);
  return (err) => {
    const p = table(err);
    return p && { ...p, answeredBy: instance };
  };
};

async function rejection(promise: Promise<unknown>): Promise<RpcProblemError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(err instanceof RpcProblemError)) throw new Error(`Expected an RpcProblemError, got ${String(err)}`);
  return err;
}

describe('RPC over NATS (request/reply with queue groups)', () => {
  let bus: TestBus;
  const services: INestMicroservice[] = [];
  let gateway: INestApplicationContext;
  let rpc: RpcClient;

  beforeAll(async () => {
    bus = createTestBus('rpc');
    // Two instances of one service in one queue group: one registers the filter by hand, one through DI.
    const a = await NestFactory.createMicroservice(serviceModule('a'), {
      ...natsMicroserviceOptions('test-service'),
      logger: false,
    });
    a.useGlobalFilters(new RpcProblemFilter(serviceErrors('a')));
    const b = await NestFactory.createMicroservice(serviceModule('b', serviceErrors('b')), {
      ...natsMicroserviceOptions('test-service'),
      logger: false,
    });
    services.push(a, b);
    await Promise.all(services.map((s) => s.listen()));
    gateway = await NestFactory.createApplicationContext(RpcClientModule.forRoot({ timeoutMs: 2000 }), {
      logger: false,
    });
    await gateway.init();
    rpc = gateway.get(RpcClient);
  });

  afterAll(async () => {
    await gateway?.close();
    await Promise.all(services.map((s) => s.close()));
    await bus?.dispose();
  });

  it('delivers the payload and returns the answer', async () => {
    const payload = { meta: { correlationId: 'c-1' }, body: { name: 'Support bot', tags: ['a', 'b'] } };
    const answer = await rpc.send<{ echoed: unknown; instance: string }>('test.echo', payload);
    expect(answer.echoed).toEqual(payload);
  });

  it('has each request handled by exactly one instance of the queue group', async () => {
    const ids = Array.from({ length: 40 }, (_, i) => `req-${i}`);
    await Promise.all(ids.map((requestId) => rpc.send('test.count', { requestId })));
    const seen = handled.map((h) => h.requestId).sort();
    expect(seen).toEqual([...ids].sort());
    expect(new Set(handled.map((h) => h.instance))).toEqual(new Set(['a', 'b']));
  });

  it("brings a service's named errors back as the problem its registered mapping made", async () => {
    const answers: ProblemDetails[] = [];
    for (let i = 0; i < 20; i++) answers.push((await rejection(rpc.send('test.slug-taken', {}))).problem);
    for (const p of answers) {
      expect(p).toMatchObject({ status: 409, title: 'Conflict', detail: 'The slug "support" is already used' });
    }
    // Both registrations (useGlobalFilters and APP_FILTER) answered.
    expect(new Set(answers.map((p) => p.answeredBy))).toEqual(new Set(['a', 'b']));
  });

  it('keeps a ProblemDetails thrown in an RpcException intact, field errors included', async () => {
    const err = await rejection(rpc.send('test.invalid', {}));
    expect(err.problem).toEqual(
      problem(400, 'The request has invalid fields', [{ field: 'configuration.temperature', message: 'must be ≤ 2' }]),
    );
  });

  it('reports an unreachable database as 503 and hides unexpected errors behind 500', async () => {
    expect((await rejection(rpc.send('test.db-down', {}))).problem).toEqual(problem(503, 'PostgreSQL unavailable'));
    expect((await rejection(rpc.send('test.crash', {}))).problem).toEqual(problem(500, 'An unexpected error occurred'));
  });

  it('gives 504 when the service does not answer within the timeout', async () => {
    const started = Date.now();
    const err = await rejection(rpc.send('test.silent', {}, { timeoutMs: 300 }));
    expect(err.problem).toMatchObject({ status: 504, title: 'Service timeout' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('gives 503 when no service listens for the pattern', async () => {
    const err = await rejection(rpc.send('test.nobody-home', {}));
    expect(err.problem).toMatchObject({ status: 503, detail: 'No service is available for "test.nobody-home"' });
  });

  it('answers pings and readiness checks', async () => {
    await expect(rpc.connected()).resolves.toBeUndefined();
    await expect(rpc.ping('test.echo')).resolves.toMatchObject({ up: true });
    await expect(rpc.ping('test.nobody-home')).resolves.toMatchObject({ up: false, problem: { status: 503 } });
  });

  it('gives 503 naming NATS when the bus cannot be reached', async () => {
    const offline = new RpcClient({ servers: 'nats://127.0.0.1:1', timeoutMs: 2000 });
    try {
      const err = await rejection(offline.send('test.echo', {}));
      expect(err.problem).toMatchObject({ status: 503, detail: expect.stringMatching(/^NATS unavailable/) });
      await expect(offline.connected()).rejects.toMatchObject({ problem: { status: 503 } });
    } finally {
      await offline.close();
    }
  });
});
