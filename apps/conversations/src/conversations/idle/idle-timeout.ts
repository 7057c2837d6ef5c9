import type { ConversationCommand } from '@platform/conversations-domain';
import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { durationMs } from '@platform/messaging';
import { CommandRunner } from '@platform/service-kit';
import { conversationAggregate } from '../conversation.aggregate';
import { ConversationReadRepository } from '../infrastructure/conversation-read.repository';

const BATCH = 200;

/**
 * Ends conversations idle longer than CONVERSATION_IDLE_TIMEOUT (default 30m) with reason `timeout`. Every
 * CONVERSATION_IDLE_SWEEP (default a tenth of the timeout, at most a minute) each instance looks for them; the
 * decider ends one only if it is still idle when the command runs, so instances racing each other, or a message
 * arriving meanwhile, change nothing.
 */
@Injectable()
export class IdleTimeout implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(IdleTimeout.name);
  private readonly timeoutMs = durationMs('CONVERSATION_IDLE_TIMEOUT', 30 * 60_000);
  private readonly everyMs = durationMs('CONVERSATION_IDLE_SWEEP', Math.min(60_000, Math.ceil(this.timeoutMs / 10)));
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private stopped = false;

  constructor(
    private readonly runner: CommandRunner,
    private readonly read: ConversationReadRepository,
  ) {}

  onApplicationBootstrap(): void {
    this.schedule();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.sweep()
        .then(() => undefined)
        .catch((err: unknown) => this.logger.warn(`Idle sweep failed: ${(err as Error).message}`))
        .finally(() => this.schedule());
    }, this.everyMs);
    this.timer.unref();
  }

  /** Ends every conversation idle since before now − timeout; returns how many it ended. */
  async sweep(): Promise<number> {
    let ended = 0;
    for (;;) {
      const cutoff = new Date(Date.now() - this.timeoutMs);
      const ids = await this.read.idleSince(cutoff, BATCH);
      for (const id of ids) {
        if (this.stopped) return ended;
        await this.runner.execute(
          conversationAggregate,
          id,
          { actorId: 'system:idle-timeout', correlationId: `idle-${id}`, requestId: `idle-${id}` },
          (c): ConversationCommand => ({
            type: 'TimeOutConversation',
            conversationId: id,
            now: c.now,
            idleBefore: cutoff.toISOString(),
          }),
          () => null,
        );
        ended++;
      }
      if (ids.length < BATCH) return ended;
    }
  }
}
