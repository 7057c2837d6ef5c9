import type { ContractEventData, EventContractMap, EventContracts, EventTypeOf } from '@platform/contracts';
import { UpcasterChain } from '@platform/event-store';
import { MalformedBusEventError, type BusEvent } from './bus-event';

/** A bus event read through its publisher's contracts: `type` tells which, `data` is that type's current shape. */
export type ParsedBusEvent<M extends EventContractMap> = {
  [K in EventTypeOf<M>]: BusEvent<K, ContractEventData<M, K>>;
}[EventTypeOf<M>];

type EventRef = Pick<BusEvent, 'id' | 'type' | 'schemaVersion'>;

export abstract class BusEventContractError extends Error {
  readonly eventId: string;
  readonly eventType: string;
  readonly schemaVersion: number;

  constructor(event: EventRef, message: string) {
    super(`Event ${event.id} (${event.type} v${event.schemaVersion}): ${message}`);
    this.eventId = event.id;
    this.eventType = event.type;
    this.schemaVersion = event.schemaVersion;
  }
}

/** The publisher's contracts have no such type (a consumer reading a wider subject than it knows may skip it). */
export class UnknownEventTypeError extends BusEventContractError {
  override readonly name = 'UnknownEventTypeError';
}

/** Written at a version newer than these contracts: the consumer needs the publisher's newer contracts. */
export class UnsupportedEventVersionError extends BusEventContractError {
  override readonly name = 'UnsupportedEventVersionError';
}

/** The data does not match its contract, before or after upcasting. */
export class InvalidEventDataError extends BusEventContractError {
  override readonly name = 'InvalidEventDataError';

  constructor(
    event: EventRef,
    readonly issues: readonly { path: string; message: string }[],
  ) {
    super(event, `invalid data: ${issues.map((i) => `${i.path || '(data)'}: ${i.message}`).join('; ')}`);
  }
}

// One chain per registry: the same steps the publisher's event store applies, so both read old events alike.
const chains = new WeakMap<object, UpcasterChain>();
const chainFor = (contracts: Pick<EventContracts<EventContractMap>, 'upcasters' | 'currentSchemaVersions'>) => {
  let chain = chains.get(contracts);
  if (!chain) chains.set(contracts, (chain = new UpcasterChain(contracts.upcasters, contracts.currentSchemaVersions)));
  return chain;
};

/**
 * Reads a bus event with its publisher's contracts: older versions are upcast to the current one first (JetStream
 * keeps what was published before a version change), then `data` is checked against the current schema.
 */
export function parseBusEvent<M extends EventContractMap>(
  contracts: EventContracts<M>,
  event: BusEvent,
): ParsedBusEvent<M> {
  const contract = Object.hasOwn(contracts.events, event.type) ? contracts.events[event.type] : undefined;
  if (!contract) throw new UnknownEventTypeError(event, 'no contract for this type');
  if (!Number.isInteger(event.schemaVersion) || event.schemaVersion < 1) {
    throw new MalformedBusEventError(`Event ${event.id} (${event.type}) has no valid schema version`);
  }
  if (event.schemaVersion > contract.schemaVersion) {
    throw new UnsupportedEventVersionError(event, `these contracts know up to v${contract.schemaVersion}`);
  }
  let current: BusEvent;
  try {
    current = chainFor(contracts).upcast(event);
  } catch (err) {
    throw new InvalidEventDataError(event, [{ path: '', message: err instanceof Error ? err.message : String(err) }]);
  }
  const result = contract.schema.safeParse(current.data);
  if (!result.success) {
    throw new InvalidEventDataError(
      current,
      result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    );
  }
  return { ...current, data: result.data } as ParsedBusEvent<M>;
}
