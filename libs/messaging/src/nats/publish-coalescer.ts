/**
 * Gathers the publishes of one turn of the event loop so that they leave in one socket write.
 *
 * The NATS client writes what was published as soon as the current task's microtasks have run: a service that
 * answers requests as their database reads come back, or a gateway that forwards HTTP requests as they arrive,
 * writes once per request, since each arrives in its own I/O callback. Every write to the bus wakes the NATS
 * server, which costs far more than the bytes. Publishes handed to `defer` are made together right after the
 * I/O callbacks of the current turn (setImmediate), so the answers and requests of one turn share one write.
 * Each publish keeps its own error handling: `send` runs inside the caller's own try/catch. Whatever a send still
 * throws goes to `onError`, and the sends after it in the batch are made all the same.
 */
export class PublishCoalescer {
  private queue: Array<() => void> = [];
  private scheduled = false;

  constructor(private readonly onError: (err: unknown) => void) {}

  defer(send: () => void): void {
    this.queue.push(send);
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => this.flush());
  }

  private flush(): void {
    const sends = this.queue;
    this.queue = [];
    this.scheduled = false;
    for (const send of sends) {
      try {
        send();
      } catch (err) {
        this.onError(err);
      }
    }
  }
}
