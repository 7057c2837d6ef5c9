// The live feed: GET /api/v1/events/stream read with fetch (so the token goes in a header, never a URL). Each
// event's id is its sequence on the platform's event stream; after a drop, the feed reconnects with
// Last-Event-ID and receives exactly what happened meanwhile, then tells the views to refresh.
import { SseParser } from './sse';

export interface DomainEvent {
  id: string;
  streamId: string;
  type: string;
  data: Record<string, unknown>;
  sequence: number;
  metadata: { occurredAt?: string };
}

export const live = $state({ connected: false, lastId: null as string | null, received: 0, reconnects: 0 });

type Listener = (event: DomainEvent | 'reconnected') => void;
const listeners = new Set<Listener>();

/** Calls `listener` with every visible domain event, and with 'reconnected' whenever the feed (re)connects. */
export function onLive(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const SILENCE_MS = 45_000; // three missed heartbeats
let controller: AbortController | undefined;

export function startLive(token: string): void {
  stopLive();
  const mine = new AbortController();
  controller = mine;
  void run(token, mine.signal);
}

export function stopLive(): void {
  controller?.abort();
  controller = undefined;
  live.connected = false;
}

async function run(token: string, signal: AbortSignal): Promise<void> {
  let delay = 250;
  let everConnected = false;
  while (!signal.aborted) {
    try {
      const headers: Record<string, string> = { authorization: `Bearer ${token}`, accept: 'text/event-stream' };
      if (live.lastId) headers['last-event-id'] = live.lastId;
      const response = await fetch('/api/v1/events/stream', { headers, signal, cache: 'no-store' });
      if (!response.ok || !response.body) throw new Error(`live feed answered ${response.status}`);
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      const parser = new SseParser();
      let watchdog = setTimeout(() => reader.cancel(), SILENCE_MS);
      try {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          clearTimeout(watchdog);
          watchdog = setTimeout(() => reader.cancel(), SILENCE_MS);
          for (const message of parser.push(value)) {
            if (message.id !== undefined) live.lastId = message.id;
            if (message.event === 'ready') {
              live.connected = true;
              delay = 250;
              if (everConnected) live.reconnects++;
              everConnected = true;
              // What happened before the feed was ready (a view's first load races the first connection) or while
              // it was down is not in it: the views refresh once now.
              emit('reconnected');
            } else if (message.event === 'domain') {
              live.received++;
              emit(JSON.parse(message.data) as DomainEvent);
            }
          }
        }
      } finally {
        clearTimeout(watchdog);
      }
    } catch {
      // dropped or refused: retried below
    }
    live.connected = false;
    if (signal.aborted) return;
    await new Promise((resolve) => setTimeout(resolve, delay));
    delay = Math.min(delay * 2, 5000);
  }
}

function emit(event: DomainEvent | 'reconnected'): void {
  for (const listener of listeners) {
    try {
      listener(event);
    } catch (err) {
      console.error('live listener failed', err);
    }
  }
}

/** A refresh for live events that match, at most every `ms` (several events in a burst make one refresh). */
export function refreshOn(match: (event: DomainEvent) => boolean, refresh: () => void, ms = 150): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const off = onLive((event) => {
    if (event !== 'reconnected' && !match(event)) return;
    clearTimeout(timer);
    timer = setTimeout(refresh, ms);
  });
  return () => {
    clearTimeout(timer);
    off();
  };
}
