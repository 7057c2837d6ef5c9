import { allows, ownerScope, type BusEventEnvelope, type Permission, type OwnerScoped } from '@platform/contracts';

// Who may see which domain event on the live stream. The category of an event's stream names the area it
// belongs to, and the area the permission a reader needs; owner-scoped keys (viewer and editor keys with an
// owner) see only events of their owner's resources. Whatever cannot be placed is dropped: a missing event is a
// stale figure, a leaked one is a breach.

/** The read permission each stream category needs; a category not listed here is never streamed. */
export const CATEGORY_PERMISSION: Readonly<Record<string, Permission>> = {
  assistant: 'assistants:read',
  prompt: 'prompts:read',
  conversation: 'conversations:read',
  deployment: 'deployments:read',
  // Analytics' alerts (they name their assistant's owner).
  alert: 'analytics:read',
  apikey: 'keys:manage',
};

/** Categories an owner-scoped key may never see, whoever owns them (keys of the access service). */
const NEVER_SCOPED = new Set(['apikey']);

export type Caller = OwnerScoped;

export const categoryOf = (streamId: string): string => {
  const dash = streamId.indexOf('-');
  return dash < 0 ? streamId : streamId.slice(0, dash);
};

/** The owner an event names itself: its data's `ownerId` (creation events), else undefined. */
export function ownerNamedBy(event: Pick<BusEventEnvelope, 'data'>): string | null | undefined {
  const data = event.data as { ownerId?: unknown } | null;
  if (data && typeof data === 'object' && 'ownerId' in data) {
    return typeof data.ownerId === 'string' ? data.ownerId : null;
  }
  return undefined;
}

export type Verdict = 'show' | 'hide' | 'ask';

/**
 * `show` or `hide` when the event alone decides; `ask` when the caller is owner-scoped and the event does not say
 * whose resource it is (the caller then asks the owning service whether it may read the resource).
 * `knownOwner` is the owner learned earlier on this connection for the event's stream, if any.
 */
export function verdict(
  caller: Caller,
  event: Pick<BusEventEnvelope, 'streamId' | 'data' | 'metadata'>,
  knownOwner?: string | null,
): Verdict {
  if (!caller.actorRole) return 'hide';
  const category = categoryOf(event.streamId);
  const permission = CATEGORY_PERMISSION[category];
  if (!permission || !allows(caller.actorRole, permission)) return 'hide';
  const scope = ownerScope(caller);
  if (scope === undefined) return 'show';
  if (NEVER_SCOPED.has(category)) return 'hide';
  const named = ownerNamedBy(event);
  if (named !== undefined) return named === scope ? 'show' : 'hide';
  if (knownOwner !== undefined) return knownOwner === scope ? 'show' : 'hide';
  // An owner-scoped actor can only change its own owner's resources: its events are its owner's.
  if (event.metadata?.actorOwnerId === scope && ['viewer', 'editor'].includes(String(event.metadata?.actorRole))) {
    return 'show';
  }
  return 'ask';
}

/** Parses `Last-Event-ID`: a stream sequence, or undefined when absent or not one. */
export function parseLastEventId(value: string | string[] | undefined): number | undefined {
  const raw = Array.isArray(value) ? value[0] : value;
  if (raw === undefined || !/^\d{1,15}$/.test(raw.trim())) return undefined;
  return Number(raw.trim());
}
