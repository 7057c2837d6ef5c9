import { Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { assistantsEventContracts, type RequestMeta } from '@platform/contracts';
import { eventFilter, parseBusEvent, type BusEvent } from '@platform/messaging';
import type { ConsumerDefinition } from '@platform/service-kit';
import { DeploymentReadRepository } from '../deployments/infrastructure/deployment-read.repository';
import { SlotWriter } from '../deployments/infrastructure/slot-writer';

/** The durable JetStream consumer (and processed_events key) of the archive workflow. */
export const ARCHIVE_CONSUMER = 'deployments-archive';

/**
 * When an assistant is archived, what runs of it is retired and what is on its way fails. Each affected slot is
 * one command through the SlotWriter (its own transaction, under the slot's lock); the decider emits nothing for
 * a slot with nothing live, so a redelivered AssistantArchived changes nothing even past the consumer's own
 * processed-events check.
 */
@Injectable()
export class ArchiveWorkflow implements OnModuleInit, OnModuleDestroy {
  constructor(
    private readonly writer: SlotWriter,
    private readonly read: DeploymentReadRepository,
  ) {}

  onModuleInit(): void {
    running.add(this);
  }

  onModuleDestroy(): void {
    running.delete(this);
  }

  async assistantArchived(assistantId: string, event: BusEvent): Promise<void> {
    const m = event.metadata as unknown as Record<string, unknown>;
    // The archive's actor and correlation carry on; the archive event itself is the cause. No role: the workflow
    // acts for the platform, across owners.
    const meta: RequestMeta = {
      actorId: typeof m.actorId === 'string' ? m.actorId : 'system',
      correlationId: typeof m.correlationId === 'string' ? m.correlationId : event.id,
      requestId: event.id,
    };
    for (const environment of await this.read.liveEnvironments(assistantId)) {
      await this.writer.execute(
        { assistantId, environment },
        meta,
        'RetireDeployments',
        (_, now) => ({ type: 'RetireDeployments', now, actorId: meta.actorId, reason: 'The assistant was archived' }),
        () => undefined,
      );
    }
  }
}

/** The workflow of the app that runs in this process (the consumer's handler is declared before Nest builds it). */
const running = new Set<ArchiveWorkflow>();

export const archiveConsumer: ConsumerDefinition = {
  name: ARCHIVE_CONSUMER,
  // Read when the consumer starts, once the bus prefix of this installation is known.
  get filterSubjects() {
    return [eventFilter('assistant', 'AssistantArchived')];
  },
  async handler(event) {
    if (event.type !== 'AssistantArchived') return;
    const parsed = parseBusEvent(assistantsEventContracts, event);
    if (parsed.type !== 'AssistantArchived') return;
    const [workflow] = running;
    if (!workflow) throw new Error('The archive workflow is not running yet');
    await workflow.assistantArchived(parsed.data.assistantId, event);
  },
};
