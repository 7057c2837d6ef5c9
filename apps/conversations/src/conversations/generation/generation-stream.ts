import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { generationStreamSubject } from '@platform/contracts';
import { busPrefix, connectNats } from '@platform/messaging';
import type { NatsConnection } from 'nats';

export interface StreamSink {
  delta(text: string): void;
  /** The last piece is out: flushed before the request is answered, so the caller sees every piece first. */
  done(): Promise<void>;
}

const encoder = new TextEncoder();

/** Publishes the pieces of a reply to the caller that asked for them (see generationStreamSubject). */
@Injectable()
export class GenerationStream implements OnApplicationShutdown {
  private nats?: Promise<NatsConnection>;

  async open(streamId: string): Promise<StreamSink> {
    const nc = await (this.nats ??= connectNats({ name: 'conversations-generation' }));
    const subject = generationStreamSubject(busPrefix(), streamId);
    const send = (body: unknown) => nc.publish(subject, encoder.encode(JSON.stringify(body)));
    return {
      delta: (text) => send({ delta: text }),
      done: async () => {
        send({ done: true });
        await nc.flush();
      },
    };
  }

  async onApplicationShutdown(): Promise<void> {
    const nc = await this.nats?.catch(() => undefined);
    await nc?.drain().catch(() => undefined);
  }
}
