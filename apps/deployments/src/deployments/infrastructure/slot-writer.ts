import { Inject, Injectable } from '@nestjs/common';
import { canSee, type DeploymentEnvironment, type RequestMeta } from '@platform/contracts';
import {
  AssistantNotFoundError,
  decide,
  fold,
  LIVE_SLOT_COMMANDS,
  LIVE_STATUSES,
  type Deployment,
  type DeploymentCommand,
  type DeploymentEvent,
  type Slot,
} from '@platform/deployments-domain';
import {
  EVENT_STORE,
  sqlLiteral,
  WrongExpectedRevisionError,
  type EventStore,
  type NewEvent,
} from '@platform/event-store';
import { claimIdempotencyKey, eventMetadata, streamIdOf } from '@platform/service-kit';
import { deploymentAggregate } from '../deployment.aggregate';

export interface SlotKey {
  assistantId: string;
  environment: DeploymentEnvironment;
}

const MAX_ATTEMPTS = 3;

/** The advisory lock that serialises every writer of one slot; it names no stream, only the slot. */
export const slotLockOf = ({ assistantId, environment }: SlotKey) => `deployment-slot-${assistantId}-${environment}`;

const LIVE = `AND status IN (${LIVE_STATUSES.map(sqlLiteral).join(', ')})`;

/**
 * The slot's deployments a command of this type decides over, newest first: the live ones only when that is all it
 * needs (LIVE_SLOT_COMMANDS), so a deploy reads the same few rows however long the slot's history grows. Values as
 * literals: a statement without parameters travels with BEGIN and the slot's lock, in one round trip.
 */
function slotQuery({ assistantId, environment }: SlotKey, type: DeploymentCommand['type']): string {
  const live = (LIVE_SLOT_COMMANDS as readonly string[]).includes(type);
  return `SELECT doc, revision FROM deployment_view
          WHERE assistant_id = ${sqlLiteral(assistantId)} AND environment = ${sqlLiteral(environment)} ${live ? LIVE : ''}
          ORDER BY created_at DESC, id DESC`;
}

/**
 * Runs one command on a slot (an assistant in one environment) in one transaction: take the slot's lock, load its
 * deployments from the view (both in the transaction's first round trip, with BEGIN), decide, and append each
 * deployment's events to its own stream with its expected revision, the view rows written by the inline projection
 * in the same transaction. A deploy that supersedes the
 * active deployment is therefore one commit of two streams, and two deploys to one slot queue up on the lock
 * instead of both seeing no deployment in progress. See docs/deployments.md.
 */
@Injectable()
export class SlotWriter {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute<T extends DeploymentCommand['type'], R>(
    key: SlotKey,
    meta: RequestMeta,
    type: T,
    build: (slot: Slot, now: string) => Extract<DeploymentCommand, { type: T }>,
    respond: (slot: Slot) => R,
  ): Promise<R> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.store.transaction((tx) =>
          claimIdempotencyKey(tx, meta, async () => {
            await tx.lockStreams([slotLockOf(key)]);
            const { rows } = await tx.query<{ doc: Deployment; revision: number }>(slotQuery(key, type));
            const slot: Slot = { deployments: rows.map((r) => r.doc) };
            // Another owner's assistant has no deployments for this caller.
            if (rows.length && !canSee(meta, rows[0].doc.ownerId)) throw new AssistantNotFoundError(key.assistantId);
            const now = new Date().toISOString();
            const events = decide(build(slot, now), slot);
            const revisions = new Map(rows.map((r) => [r.doc.id, r.revision]));
            let after = slot;
            for (const [id, own] of byDeployment(events)) {
              const current = after.deployments.find((d) => d.id === id);
              const stamped = own.map((e) => ({ ...e, metadata: { actorId: meta.actorId } }));
              const next = fold(stamped, current ? { kind: 'existing', deployment: current } : { kind: 'none' });
              if (next.kind !== 'existing') throw new Error(`deployment-${id} has no state after its own events`);
              await tx.append(
                streamIdOf(deploymentAggregate, id),
                own.map((e) => toStore(e, meta, now)),
                {
                  expectedRevision: revisions.get(id) ?? 'no_stream',
                  stateAfter: next,
                },
              );
              after = current
                ? { deployments: after.deployments.map((d) => (d.id === id ? next.deployment : d)) }
                : { deployments: [next.deployment, ...after.deployments] };
            }
            return respond(after);
          }),
        );
      } catch (err) {
        if (!(err instanceof WrongExpectedRevisionError) || attempt >= MAX_ATTEMPTS) throw err;
      }
    }
  }
}

function byDeployment(events: DeploymentEvent[]): Map<string, DeploymentEvent[]> {
  const out = new Map<string, DeploymentEvent[]>();
  for (const e of events) out.set(e.data.deploymentId, [...(out.get(e.data.deploymentId) ?? []), e]);
  return out;
}

function toStore(e: DeploymentEvent, meta: RequestMeta, now: string): NewEvent {
  return { type: e.type, data: e.data, metadata: eventMetadata(meta, now) };
}
