import { createInbox, type Msg, type NatsConnection, type Subscription } from 'nats';
import { PublishCoalescer } from '../nats/publish-coalescer';

/** An error of a request, with the code `rpcFailureProblem` maps (as the NATS client's own errors carry). */
export class RequestError extends Error {
  constructor(
    readonly code: 'TIMEOUT' | '503' | 'CONNECTION_CLOSED',
    message: string,
  ) {
    super(message);
    this.name = 'RequestError';
  }
}

interface Pending {
  resolve(msg: Msg): void;
  reject(err: Error): void;
  timer: NodeJS.Timeout;
}

/**
 * Requests on one connection share one reply subscription (`<inbox>.*`), each waiting for the reply to its own
 * token, as the NATS client's `request` does, but a request that got its answer costs nothing more: the client's
 * own request builds an error (with its stack) to cancel every request after it resolved.
 * A reply with status 503 and no data is the server saying nobody listens on the subject ("no responders").
 */
export class ReplyMux {
  private readonly prefix: string;
  private readonly subscription: Subscription;
  private readonly pending = new Map<string, Pending>();
  /** The requests of one turn of the event loop go out in one write (see PublishCoalescer). */
  private readonly outbox = new PublishCoalescer(() => undefined); // each send catches its own failure
  private next = 0;

  constructor(private readonly nc: NatsConnection) {
    const inbox = createInbox();
    this.prefix = `${inbox}.`;
    this.subscription = nc.subscribe(`${inbox}.*`, { callback: (_err, msg) => this.deliver(msg) });
    void this.subscription.closed.then(() => this.failAll());
  }

  request(subject: string, data: Uint8Array, timeoutMs: number): Promise<Msg> {
    const token = (this.next++).toString(36);
    return new Promise<Msg>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(token);
        reject(new RequestError('TIMEOUT', `No answer on ${subject} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.pending.set(token, { resolve, reject, timer });
      this.outbox.defer(() => {
        if (!this.pending.has(token)) return; // its deadline passed before it was sent
        try {
          this.nc.publish(subject, data, { reply: this.prefix + token });
        } catch (err) {
          // Too large, or the connection is closed: nothing was sent.
          clearTimeout(timer);
          this.pending.delete(token);
          reject(err as Error);
        }
      });
    });
  }

  private deliver(msg: Msg): void {
    const token = msg.subject.slice(this.prefix.length);
    const waiting = this.pending.get(token);
    if (!waiting) return; // answered after its deadline
    this.pending.delete(token);
    clearTimeout(waiting.timer);
    if (msg.data.length === 0 && msg.headers?.code === 503) {
      waiting.reject(new RequestError('503', `No responders on ${msg.subject}`));
    } else {
      waiting.resolve(msg);
    }
  }

  private failAll(): void {
    for (const [token, waiting] of this.pending) {
      this.pending.delete(token);
      clearTimeout(waiting.timer);
      waiting.reject(new RequestError('CONNECTION_CLOSED', 'The NATS connection closed before the answer came'));
    }
  }
}
