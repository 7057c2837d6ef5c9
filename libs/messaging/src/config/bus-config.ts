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

/** The NATS subject a request/reply pattern travels on: `<prefix>.rpc.<pattern>`. */
export function rpcSubject(pattern: string, prefix: string = busPrefix()): string {
  if (!pattern || /[\s*>]/.test(pattern)) throw new Error(`Invalid RPC pattern "${pattern}"`);
  return `${assertBusPrefix(prefix)}.rpc.${pattern}`;
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
