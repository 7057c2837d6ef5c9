import {
  busPrefix,
  eventStreamSettings,
  relayLingerMs,
  relayPollMs,
  relayWakeSubject,
  eventFilter,
  eventStreamName,
  eventSubject,
  rpcSubject,
  streamCategory,
  streamNamePrefix,
} from './bus-config';

/** Runs `check` with `name` unset to begin with, and puts the variable back as it was afterwards. */
function withEnv(name: string, check: () => void): void {
  const saved = process.env[name];
  delete process.env[name];
  try {
    check();
  } finally {
    if (saved === undefined) delete process.env[name];
    else process.env[name] = saved;
  }
}

describe('bus configuration', () => {
  const saved = process.env.BUS_PREFIX;
  afterEach(() => {
    if (saved === undefined) delete process.env.BUS_PREFIX;
    else process.env.BUS_PREFIX = saved;
  });

  it('defaults the prefix to "platform" and names subjects and the stream after it', () => {
    delete process.env.BUS_PREFIX;
    expect(busPrefix()).toBe('platform');
    expect(rpcSubject('assistants.create')).toBe('platform.rpc.assistants.create');
    expect(eventSubject('assistant', 'AssistantCreated')).toBe('platform.events.assistant.AssistantCreated');
    expect(eventStreamName()).toBe('PLATFORM_DOMAIN_EVENTS');
  });

  it('isolates a test run by its prefix, read at each call', () => {
    process.env.BUS_PREFIX = 't_rpc-1a';
    expect(rpcSubject('x.y')).toBe('t_rpc-1a.rpc.x.y');
    expect(eventStreamName()).toBe('T_RPC_1A_DOMAIN_EVENTS');
    expect(streamNamePrefix()).toBe('T_RPC_1A_');
  });

  it('rejects a prefix that could escape its subject space', () => {
    process.env.BUS_PREFIX = 'Platform.*';
    expect(() => busPrefix()).toThrow(/Invalid bus prefix/);
  });

  it('never turns a category or type into a wildcard or an extra token', () => {
    expect(eventSubject('a.b', 'X*>', 'p')).toBe('p.events.a_b.X__');
    expect(() => rpcSubject('a.>', 'p')).toThrow(/Invalid RPC pattern/);
  });

  it('filters by category or by category and type', () => {
    expect(eventFilter(undefined, undefined, 'p')).toBe('p.events.>');
    expect(eventFilter('assistant', undefined, 'p')).toBe('p.events.assistant.*');
    expect(eventFilter('assistant', 'AssistantCreated', 'p')).toBe('p.events.assistant.AssistantCreated');
  });

  it('takes the category from the stream id', () => {
    expect(streamCategory('assistant-0191d5b2-7c1e-7c8e-9a4e-2f0c1a2b3c4d')).toBe('assistant');
    expect(streamCategory('nodash')).toBe('nodash');
  });

  it('keeps the stream on EVENT_STREAM_REPLICAS servers of a cluster, one by default', () => {
    withEnv('EVENT_STREAM_REPLICAS', () => {
      expect(eventStreamSettings().replicas).toBe(1);
      process.env.EVENT_STREAM_REPLICAS = '3';
      expect(eventStreamSettings().replicas).toBe(3);
      for (const bad of ['0', '6', '2.5', 'three']) {
        process.env.EVENT_STREAM_REPLICAS = bad;
        expect(() => eventStreamSettings()).toThrow(/EVENT_STREAM_REPLICAS/);
      }
    });
  });
  it('has relays gather commits for RELAY_LINGER_MS, 10 ms by default and at most a second', () => {
    withEnv('RELAY_LINGER_MS', () => {
      expect(relayLingerMs()).toBe(10);
      process.env.RELAY_LINGER_MS = '0';
      expect(relayLingerMs()).toBe(0);
      process.env.RELAY_LINGER_MS = '250ms';
      expect(relayLingerMs()).toBe(250);
      for (const bad of ['2s', '-1', 'soon']) {
        process.env.RELAY_LINGER_MS = bad;
        expect(() => relayLingerMs()).toThrow(/RELAY_LINGER_MS/);
      }
    });
  });

  it('RELAY_POLL_MS: a second by default, from 10 ms to a minute', () => {
    withEnv('RELAY_POLL_MS', () => {
      expect(relayPollMs()).toBe(1000);
      process.env.RELAY_POLL_MS = '50';
      expect(relayPollMs()).toBe(50);
      process.env.RELAY_POLL_MS = '30s';
      expect(relayPollMs()).toBe(30_000);
      for (const bad of ['5', '2m', 'often']) {
        process.env.RELAY_POLL_MS = bad;
        expect(() => relayPollMs()).toThrow(/RELAY_POLL_MS/);
      }
    });
  });

  it("the relay's wake-up subject is the prefix's, outside the event stream", () => {
    expect(relayWakeSubject('conversations', 't1')).toBe('t1.relay.conversations.committed');
    expect(
      relayWakeSubject('conversations', 't1').startsWith(eventFilter(undefined, undefined, 't1').slice(0, -1)),
    ).toBe(false);
  });
});
