import { Logger } from '@nestjs/common';
import { ServerNats, type NatsContext, type NatsOptions } from '@nestjs/microservices';
import { problem } from '@platform/contracts';
import type { Msg, NatsConnection, Subscription } from 'nats';
import { busPrefix } from '../config/bus-config';
import { PublishCoalescer } from '../nats/publish-coalescer';

type Options = NonNullable<NatsOptions['options']>;
// JSON text starts with one of these (after optional white space); anything else makes JSON.parse throw.
const MAYBE_JSON = /^\s*(?:[{["\d-]|true|false|null)/;
type Packet = { isDisposed?: boolean; err?: unknown } & Record<string, unknown>;

/**
 * Nest's NATS server with two guarantees a service needs:
 * - a reply that cannot be sent (larger than the server's max_payload, say) becomes a problem answer for that
 *   caller, instead of an exception that ends the process;
 * - shutdown stops taking requests, waits for every request in flight to answer (up to `shutdownTimeoutMs`),
 *   and only then drains and closes the connection, so no caller of a committed write is left without a reply.
 * Answers completed in one turn of the event loop leave in one socket write (PublishCoalescer).
 */
export class PlatformNatsServer extends ServerNats {
  private readonly log = new Logger('NatsServer');
  /** The answers of one turn of the event loop go out in one write (see PublishCoalescer). */
  private readonly outbox = new PublishCoalescer((err) =>
    this.log.error(`An answer could not be sent: ${(err as Error).message}`),
  );
  private inFlight = 0;
  private settled?: () => void;

  constructor(
    private readonly natsOptions: Options,
    private readonly shutdownTimeoutMs = 10_000,
  ) {
    super(natsOptions);
  }

  /** Subscribes every registered channel under the bus prefix known now (not when the handlers were declared). */
  override bindEvents(client: NatsConnection): void {
    const queue = this.natsOptions.queue;
    const prefix = busPrefix();
    for (const channel of this.getHandlers().keys()) {
      const sub = client.subscribe(`${prefix}.${channel}`, {
        queue: this.getHandlers().get(channel)?.extras?.queue ?? queue,
        callback: this.getMessageHandler(channel).bind(this),
      });
      (this as unknown as { subscriptions: Subscription[] }).subscriptions.push(sub);
    }
  }

  /**
   * Nest tries `JSON.parse` on every incoming pattern (for object patterns) and pays for a thrown SyntaxError on
   * each string one; a pattern that cannot be JSON text is its own route, as Nest would find after the throw.
   */
  override getRouteFromPattern(pattern: string): string {
    return MAYBE_JSON.test(pattern) ? super.getRouteFromPattern(pattern) : pattern;
  }

  override async handleMessage(channel: string, natsMsg: Msg): Promise<unknown> {
    if (natsMsg.reply) this.inFlight += 1;
    try {
      return await super.handleMessage(channel, natsMsg);
    } catch (err) {
      this.finish();
      throw err;
    }
  }

  override getPublisher(natsMsg: Msg, id: string, ctx: NatsContext) {
    const publish = super.getPublisher(natsMsg, id, ctx) as (packet: Packet) => unknown;
    if (!natsMsg.reply) return publish;
    return (packet: Packet) =>
      this.outbox.defer(() => {
        try {
          publish(packet);
        } catch (err) {
          this.log.error(`Reply on ${natsMsg.subject} could not be sent: ${(err as Error).message}`);
          publish({
            err: problem(500, 'The answer is larger than the message bus carries; ask for less (a smaller page)'),
            isDisposed: true,
          });
        } finally {
          if (packet.isDisposed || packet.err !== undefined) this.finish();
        }
      });
  }

  override async close(): Promise<void> {
    // Nest keeps these private; this class only adds an order to what ServerNats.close() does with them.
    const self = this as unknown as { natsClient: NatsConnection | null; subscriptions: Subscription[] };
    const client = self.natsClient;
    if (!client) return;
    self.subscriptions.forEach((sub) => sub.unsubscribe());
    if (this.inFlight > 0) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, this.shutdownTimeoutMs);
        this.settled = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
    await client.drain().catch(() => client.close());
    self.natsClient = null;
  }

  private finish(): void {
    this.inFlight = Math.max(0, this.inFlight - 1);
    if (this.inFlight === 0) this.settled?.();
  }
}
