import { countSocketWrites, createTestBus, type TestBus } from '@platform/testing';
import type { NatsConnection } from 'nats';
import { busPrefix } from '../config/bus-config';
import { connectNats } from '../nats/connect-nats';
import { ReplyMux, RequestError } from './reply-mux';

let bus: TestBus;
let client: NatsConnection;
let service: NatsConnection;
const text = new TextEncoder();
const read = new TextDecoder();

beforeAll(async () => {
  bus = createTestBus('mux');
  client = await connectNats({ name: 'mux-client' });
  service = await connectNats({ name: 'mux-service' });
});

const teardowns: Array<() => Promise<unknown>> = [];
const onTeardown = (teardown: () => Promise<unknown>) => teardowns.push(teardown);
afterEach(async () => {
  await Promise.all(teardowns.splice(0).map((teardown) => teardown()));
});

afterAll(async () => {
  await client?.close();
  await service?.close();
  await bus?.dispose();
});

describe('ReplyMux', () => {
  it('gives each of many concurrent requests its own answer, on one reply subscription', async () => {
    const subject = `${busPrefix()}.mux.echo`;
    // Answers out of order: the later requests first.
    service.subscribe(subject, {
      callback: (_err, msg) => setTimeout(() => msg.respond(msg.data), 50 - Number(read.decode(msg.data)) / 4),
    });
    await service.flush();
    const mux = new ReplyMux(client);
    const answers = await Promise.all(
      Array.from({ length: 200 }, (_, i) => mux.request(subject, text.encode(String(i)), 5_000)),
    );
    expect(answers.map((m) => read.decode(m.data))).toEqual(Array.from({ length: 200 }, (_, i) => String(i)));
    expect(new Set(answers.map((m) => m.subject)).size).toBe(200);
  });

  it('sends the requests made in one turn of the event loop in one write to the bus', async () => {
    const own = await connectNats({ name: 'mux-writes' });
    const subject = `${busPrefix()}.mux.writes`;
    service.subscribe(subject, { callback: (_err, msg) => msg.respond(msg.data) });
    await service.flush();
    onTeardown(() => own.close());
    const mux = new ReplyMux(own);
    await mux.request(subject, text.encode('warm'), 5_000);
    const writes = countSocketWrites(own);
    // Twenty requests, each made in its own callback of one turn (as HTTP requests arriving on twenty sockets).
    const answers = await new Promise<Promise<unknown>[]>((resolve) => {
      const made: Promise<unknown>[] = [];
      for (let i = 0; i < 20; i++) {
        setImmediate(() => {
          made.push(mux.request(subject, text.encode(String(i)), 5_000));
          if (made.length === 20) resolve(made);
        });
      }
    });
    await Promise.all(answers);
    expect(writes()).toBe(1);
  });

  it('says "no responders" (503) when nobody listens, and times out (and ignores a late answer) when nobody answers', async () => {
    const mux = new ReplyMux(client);
    await expect(mux.request(`${busPrefix()}.mux.nobody`, text.encode('x'), 5_000)).rejects.toMatchObject({
      code: '503',
    });

    const slow = `${busPrefix()}.mux.slow`;
    service.subscribe(slow, { callback: (_err, msg) => setTimeout(() => msg.respond(msg.data), 300) });
    await service.flush();
    const started = Date.now();
    await expect(mux.request(slow, text.encode('late'), 100)).rejects.toMatchObject({ code: 'TIMEOUT' });
    expect(Date.now() - started).toBeLessThan(290);
    await new Promise((resolve) => setTimeout(resolve, 300)); // the late answer arrives and is dropped
    const again = await mux.request(slow, text.encode('in time'), 5_000);
    expect(read.decode(again.data)).toBe('in time');
  });

  it('fails what is still waiting when its connection closes, and refuses to send on a closed one', async () => {
    const own = await connectNats({ name: 'mux-closing' });
    const silent = `${busPrefix()}.mux.silent`;
    service.subscribe(silent, { callback: () => undefined });
    await service.flush();
    const mux = new ReplyMux(own);
    const waiting = mux.request(silent, text.encode('x'), 10_000);
    await own.flush();
    await own.close();
    await expect(waiting).rejects.toBeInstanceOf(RequestError);
    await expect(waiting).rejects.toMatchObject({ code: 'CONNECTION_CLOSED' });
    await expect(mux.request(silent, text.encode('y'), 1_000)).rejects.toMatchObject({ code: 'CONNECTION_CLOSED' });
  });
});
