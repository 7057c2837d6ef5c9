import { UnsupportedEventVersionError, type BusEvent } from '@platform/messaging';
import { effectsOf } from './effects';

const assistantId = '0190a000-0000-7000-8000-00000000000a';
const at = '2026-01-01T00:00:00.000Z';
const busEvent = (type: string, schemaVersion: number, data: unknown): BusEvent => ({
  id: '0190a000-0000-7000-8000-0000000000e1',
  streamId: `assistant-${assistantId}`,
  type,
  schemaVersion,
  data,
  metadata: { correlationId: 'c1', causationId: null, actorId: 'admin', occurredAt: at },
  revision: 2,
  position: 7,
});

describe('effectsOf', () => {
  it('reads an event analytics counts with its contract: its rows, keyed as the tables are', () => {
    const effects = effectsOf(busEvent('AssistantActivated', 1, { assistantId, from: 'draft', at }));
    expect(effects.map((e) => [e.table, e.key])).toEqual([['assistant', [assistantId]]]);
  });

  it('does not parse an event of a type nothing counts, whatever its version or data', () => {
    // Parsed, a newer version would throw (and be retried) and this data would fail the contract.
    expect(effectsOf(busEvent('AssistantPromptUnlinked', 99, { nothing: 'valid' }))).toEqual([]);
    expect(effectsOf(busEvent('AssistantPromptUnlinked', 1, null))).toEqual([]);
    expect(effectsOf({ ...busEvent('Anything', 1, {}), streamId: 'other-1' })).toEqual([]);
  });

  it('still refuses an event it counts of a version newer than its contracts (retried, never skipped)', () => {
    expect(() => effectsOf(busEvent('AssistantActivated', 99, { assistantId, from: 'draft', at }))).toThrow(
      UnsupportedEventVersionError,
    );
  });
});
