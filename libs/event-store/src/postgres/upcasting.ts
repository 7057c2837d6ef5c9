import type { EventMetadata, StoredEvent, Upcaster } from '../port/event-store.port';

/**
 * Turns a stored event of any schema version into the current one on read. Stored rows are never rewritten,
 * so every version that was ever appended needs its step in the chain for as long as it is stored.
 */
export class UpcasterChain {
  private readonly steps = new Map<string, Upcaster>();

  constructor(
    upcasters: readonly Upcaster[] = [],
    private readonly currentVersions: Readonly<Record<string, number>> = {},
  ) {
    for (const u of upcasters) {
      const key = `${u.type}@${u.fromVersion}`;
      if (this.steps.has(key)) throw new Error(`Two upcasters for ${u.type} v${u.fromVersion}`);
      this.steps.set(key, u);
    }
  }

  /** Version given to a new event of `type` when the caller does not say. */
  currentVersion(type: string): number {
    return this.currentVersions[type] ?? 1;
  }

  /** Any event with a type, version and data: a stored one, or one read back from the bus. */
  upcast<E extends Pick<StoredEvent, 'id' | 'type' | 'schemaVersion' | 'data' | 'metadata'>>(event: E): E {
    const target = this.currentVersions[event.type];
    if (this.steps.size === 0 && (target === undefined || event.schemaVersion >= target)) return event;
    let { data, schemaVersion } = event;
    for (
      let step = this.steps.get(`${event.type}@${schemaVersion}`);
      step;
      step = this.steps.get(`${event.type}@${schemaVersion}`)
    ) {
      if (target !== undefined && schemaVersion >= target) break;
      data = step.upcast(data, event.metadata as EventMetadata);
      schemaVersion += 1;
    }
    if (target !== undefined && schemaVersion < target) {
      throw new Error(`No upcaster for ${event.type} v${schemaVersion} (current v${target}), event ${event.id}`);
    }
    return schemaVersion === event.schemaVersion ? event : { ...event, data, schemaVersion };
  }
}
