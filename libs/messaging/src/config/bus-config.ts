// Every subject and stream name is derived from one prefix, so test runs (and environments) sharing a NATS
// server never see each other's messages. Read on every call: a test sets BUS_PREFIX before building its app.

const PREFIX = /^[a-z0-9_-]+$/;
const DEFAULT_PREFIX = 'platform';
const DEFAULT_NATS_URL = 'nats://127.0.0.1:4222';
const DEFAULT_RPC_TIMEOUT_MS = 5000;

export function assertBusPrefix(prefix: string): string {
  if (!PREFIX.test(prefix)) {
    throw new Error(`Invalid bus prefix "${prefix}": use lower-case letters, digits, "_" and "-"`);
  }
  return prefix;
}

/** `BUS_PREFIX` (default `platform`); an empty value counts as unset. */
export function busPrefix(): string {
  return assertBusPrefix(process.env.BUS_PREFIX || DEFAULT_PREFIX);
}

/** `NATS_URL` (default `nats://127.0.0.1:4222`); a comma-separated list names several servers of a cluster. */
export function natsUrl(): string {
  return process.env.NATS_URL || DEFAULT_NATS_URL;
}

export function natsServers(url: string = natsUrl()): string[] {
  return url
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** `RPC_TIMEOUT_MS` (default 5000): how long the gateway waits for a service's answer. */
export function rpcTimeoutMs(): number {
  const raw = process.env.RPC_TIMEOUT_MS;
  if (!raw) return DEFAULT_RPC_TIMEOUT_MS;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0)
    throw new Error(`Invalid RPC_TIMEOUT_MS "${raw}": use a positive integer`);
  return value;
}

/** A request/reply pattern's channel without the bus prefix (`rpc.<pattern>`): what a service registers. */
export function rpcChannel(pattern: string): string {
  if (!pattern || /[\s*>]/.test(pattern)) throw new Error(`Invalid RPC pattern "${pattern}"`);
  return `rpc.${pattern}`;
}

/**
 * The NATS subject a request/reply pattern travels on: `<prefix>.rpc.<pattern>`. The prefix is added when a
 * service subscribes or a caller sends, so it can be known only once the process has found its installation.
 */
export function rpcSubject(pattern: string, prefix: string = busPrefix()): string {
  return `${assertBusPrefix(prefix)}.${rpcChannel(pattern)}`;
}

// A subject token may not contain '.', '*', '>' or whitespace; event types and categories never should, but a
// stray one must not turn into a wildcard or an extra token.
const token = (value: string) => value.replace(/[^A-Za-z0-9_-]/g, '_') || '_';

/** Subject of one domain event: `<prefix>.events.<category>.<type>`. */
export function eventSubject(category: string, type: string, prefix: string = busPrefix()): string {
  return `${assertBusPrefix(prefix)}.events.${token(category)}.${token(type)}`;
}

/** Filter subject for consumers: every event, one category's events, or one type of a category. */
export function eventFilter(category?: string, type?: string, prefix: string = busPrefix()): string {
  const base = `${assertBusPrefix(prefix)}.events`;
  if (category === undefined) return `${base}.>`;
  return `${base}.${token(category)}.${type === undefined ? '*' : token(type)}`;
}

/** Name of the JetStream stream holding the domain events: `<PREFIX>_DOMAIN_EVENTS`. */
export function eventStreamName(prefix: string = busPrefix()): string {
  return `${streamNamePrefix(prefix)}DOMAIN_EVENTS`;
}

/** What every JetStream stream name of this prefix starts with (used to clean up a test run's streams). */
export function streamNamePrefix(prefix: string = busPrefix()): string {
  return `${assertBusPrefix(prefix)
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '_')}_`;
}

/** `<category>` of a `<category>-<id>` stream id; a stream id without '-' is its own category. */
export function streamCategory(streamId: string): string {
  const dash = streamId.indexOf('-');
  return dash < 0 ? streamId : streamId.slice(0, dash);
}

const DURATION = /^(\d+)(ms|s|m|h|d)?$/;
const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** A duration from the environment: `500`, `30s`, `10m`, `12h`, `7d` (a bare number is milliseconds). */
export function durationMs(name: string, fallbackMs: number): number {
  const raw = process.env[name];
  if (!raw) return fallbackMs;
  const match = DURATION.exec(raw.trim());
  if (!match) throw new Error(`Invalid ${name} "${raw}": use a number of milliseconds or e.g. 30s, 10m, 12h, 7d`);
  return Number(match[1]) * UNIT_MS[match[2] ?? 'ms'];
}

/**
 * Where an instance of a service that does not lead its relay tells the leading instance of a commit:
 * `<prefix>.relay.<schema>.committed` (core NATS, outside the event stream).
 */
export function relayWakeSubject(schema: string, prefix: string = busPrefix()): string {
  return `${assertBusPrefix(prefix)}.relay.${token(schema)}.committed`;
}

/** `RELAY_POLL_MS` (default 1 s, 10 ms to 1 min): how often a relay looks at the feed when no commit woke it. */
export function relayPollMs(): number {
  const ms = durationMs('RELAY_POLL_MS', 1000);
  if (ms < 10 || ms > 60_000) throw new Error(`Invalid RELAY_POLL_MS "${process.env.RELAY_POLL_MS}": 10ms to 1m`);
  return ms;
}

/** `RELAY_LINGER_MS` (default 10 ms, at most 1 s): how long a relay gathers commits before publishing them. */
export function relayLingerMs(): number {
  const ms = durationMs('RELAY_LINGER_MS', 10);
  if (ms > 1000) throw new Error(`Invalid RELAY_LINGER_MS "${process.env.RELAY_LINGER_MS}": at most 1s`);
  return ms;
}

/**
 * How the domain event stream is kept. The event store is the source of truth, so the stream keeps a window:
 * `EVENT_STREAM_MAX_AGE` (default 7d) and `EVENT_STREAM_MAX_BYTES` (default 1 GiB), oldest events leaving first;
 * `BUS_DUPLICATE_WINDOW_MS` (default 10m) is how long JetStream drops a re-published event id;
 * `EVENT_STREAM_REPLICAS` (default 1) is how many servers of a JetStream cluster keep it (3 survives losing one).
 */
export function eventStreamSettings(): {
  maxAgeMs: number;
  maxBytes: number;
  duplicateWindowMs: number;
  replicas: number;
} {
  const maxBytes = Number(process.env.EVENT_STREAM_MAX_BYTES || 1024 ** 3);
  if (!Number.isInteger(maxBytes) || maxBytes < 1024 * 1024) {
    throw new Error(`Invalid EVENT_STREAM_MAX_BYTES "${process.env.EVENT_STREAM_MAX_BYTES}": at least 1 MiB`);
  }
  const replicas = Number(process.env.EVENT_STREAM_REPLICAS || 1);
  if (!Number.isInteger(replicas) || replicas < 1 || replicas > 5) {
    throw new Error(`Invalid EVENT_STREAM_REPLICAS "${process.env.EVENT_STREAM_REPLICAS}": 1 to 5 (JetStream's limit)`);
  }
  return {
    maxAgeMs: durationMs('EVENT_STREAM_MAX_AGE', 7 * UNIT_MS.d),
    maxBytes,
    duplicateWindowMs: durationMs('BUS_DUPLICATE_WINDOW_MS', 10 * UNIT_MS.m),
    replicas,
  };
}
