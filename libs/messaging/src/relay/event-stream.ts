import {
  DiscardPolicy,
  nanos,
  RetentionPolicy,
  StorageType,
  type JetStreamManager,
  type StreamConfig,
  type StreamInfo,
} from 'nats';
import { busPrefix, eventFilter, eventStreamName, eventStreamSettings } from '../config/bus-config';
import { BusClaimedError, installationId } from '../config/bus-identity';

export interface EventStreamOptions {
  prefix?: string; // default busPrefix()
  /** Window in which JetStream drops a re-published event id: covers a relay restart. */
  duplicateWindowMs?: number;
  /** Age after which events leave the stream (the event store is the source of truth). */
  maxAgeMs?: number;
  /** Size at which the oldest events leave the stream. */
  maxBytes?: number;
  /** Servers of a JetStream cluster keeping the stream (default EVENT_STREAM_REPLICAS, else 1). */
  replicas?: number;
  /** The installation writing to it (default: this process's, from resolveBusIdentity). */
  installation?: string;
}

const INSTALLATION = /\(installation ([0-9a-f]+)\)/;

/** Defaults come from eventStreamSettings(): see bus-config. */
const definedOnly = (o: EventStreamOptions) =>
  Object.fromEntries(Object.entries(o).filter(([k, v]) => v !== undefined && k !== 'prefix' && k !== 'installation'));

function isNotFound(err: unknown): boolean {
  const e = err as { code?: string; api_error?: { err_code?: number } } | null;
  return e?.api_error?.err_code === 10059 || e?.code === '404';
}

/**
 * Creates the stream of domain events (`<PREFIX>_DOMAIN_EVENTS`, subjects `<prefix>.events.>`, file storage,
 * limits retention) or brings the settings that can change up to date. Safe to call from every process.
 */
export async function ensureEventStream(jsm: JetStreamManager, options: EventStreamOptions = {}): Promise<StreamInfo> {
  const prefix = options.prefix ?? busPrefix();
  const name = eventStreamName(prefix);
  const installation = options.installation ?? installationId();
  // Every process reads the same settings from its environment, so none of them undoes another's.
  const settings = { ...eventStreamSettings(), ...definedOnly(options) };
  const wanted = {
    subjects: [eventFilter(undefined, undefined, prefix)],
    duplicate_window: nanos(settings.duplicateWindowMs),
    max_age: nanos(settings.maxAgeMs),
    max_bytes: settings.maxBytes,
    num_replicas: settings.replicas,
    description: `Domain events of bus "${prefix}" (installation ${installation ?? 'unknown'}), published by the event relay`,
  } satisfies Partial<StreamConfig>;

  for (let attempt = 1; ; attempt++) {
    try {
      const info = await jsm.streams.info(name);
      const c = info.config;
      // Another installation's stream: publishing into it would mix two installations' events.
      const owner = INSTALLATION.exec(c.description ?? '')?.[1];
      if (owner && installation && owner !== installation) throw new BusClaimedError(prefix, owner, installation);
      const same =
        c.subjects.join() === wanted.subjects.join() &&
        c.duplicate_window === wanted.duplicate_window &&
        c.max_age === wanted.max_age &&
        c.max_bytes === wanted.max_bytes &&
        c.num_replicas === wanted.num_replicas &&
        c.description === wanted.description;
      return same ? info : await jsm.streams.update(name, { ...c, ...wanted });
    } catch (err) {
      if (err instanceof BusClaimedError || !isNotFound(err)) throw err;
    }
    try {
      return await jsm.streams.add({
        name,
        ...wanted,
        storage: StorageType.File,
        retention: RetentionPolicy.Limits,
        discard: DiscardPolicy.Old,
      });
    } catch (err) {
      // Another process created it between our info and add: read it again.
      if (attempt >= 3) throw err;
    }
  }
}
