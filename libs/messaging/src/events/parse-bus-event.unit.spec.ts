import { assistantsEventContracts, defineEventContracts } from '@platform/contracts';
import { z } from 'zod';
import { MalformedBusEventError, type BusEvent } from './bus-event';
import {
  InvalidEventDataError,
  parseBusEvent,
  UnknownEventTypeError,
  UnsupportedEventVersionError,
} from './parse-bus-event';

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
const usage = { assistantId, conversations: 1, messages: 4, tokens: 100, responseTimeMs: 200, satisfaction: null, at };
const parse = (event: BusEvent) => parseBusEvent(assistantsEventContracts, event);

describe('parseBusEvent', () => {
  it('returns the event typed by its contract, narrowed by type', () => {
    const event = parse(busEvent('AssistantPromptUnlinked', 1, { assistantId, promptId: 'p1', at }));
    if (event.type !== 'AssistantPromptUnlinked') throw new Error(`parsed as ${event.type}`);
    const promptId: string = event.data.promptId;
    expect(promptId).toBe('p1');
    expect(event).toMatchObject({ streamId: `assistant-${assistantId}`, revision: 2, metadata: { actorId: 'admin' } });
  });

  it('upcasts an event published at an older version to the current one', () => {
    const event = parse(busEvent('AssistantUsageRecorded', 1, usage));
    if (event.type !== 'AssistantUsageRecorded') throw new Error(`parsed as ${event.type}`);
    expect(event.schemaVersion).toBe(2);
    expect(event.data).toEqual({ ...usage, responseTimeSamples: 4 });
  });

  it('reads the current version as published', () => {
    const data = { ...usage, responseTimeSamples: 3 };
    expect(parse(busEvent('AssistantUsageRecorded', 2, data))).toMatchObject({ schemaVersion: 2, data });
  });

  it('throws UnknownEventTypeError for a type the contracts do not publish', () => {
    const run = () => parse(busEvent('InvoicePaid', 1, {}));
    expect(run).toThrow(UnknownEventTypeError);
    expect(run).toThrow('no contract for this type');
  });

  it('throws InvalidEventDataError naming each offending field, including undeclared ones', () => {
    const { tokens: _missing, ...withoutTokens } = usage;
    const err = captured(() =>
      parse(busEvent('AssistantUsageRecorded', 2, { ...withoutTokens, responseTimeSamples: 4, extra: 1 })),
    );
    expect(err).toBeInstanceOf(InvalidEventDataError);
    expect((err as InvalidEventDataError).issues.map((i) => i.path)).toEqual(['tokens', '']);
    expect((err as InvalidEventDataError).message).toMatch(/Unrecognized key.*extra/);
  });

  it('throws InvalidEventDataError when old data cannot be upcast', () => {
    expect(() => parse(busEvent('AssistantUsageRecorded', 1, { assistantId }))).toThrow(InvalidEventDataError);
  });

  it('throws UnsupportedEventVersionError for a version newer than the contracts', () => {
    expect(() => parse(busEvent('AssistantCreated', 2, {}))).toThrow(UnsupportedEventVersionError);
  });

  it('refuses an event without a schema version as malformed', () => {
    const event = { ...busEvent('AssistantArchived', 1, {}), schemaVersion: undefined } as unknown as BusEvent;
    expect(() => parse(event)).toThrow(MalformedBusEventError);
  });

  it('works with any registry made by defineEventContracts', () => {
    const own = defineEventContracts({ Pinged: { schemaVersion: 1, schema: z.strictObject({ n: z.number() }) } });
    expect(parseBusEvent(own, busEvent('Pinged', 1, { n: 1 })).data).toEqual({ n: 1 });
  });
});

function captured(run: () => unknown): unknown {
  try {
    run();
  } catch (err) {
    return err;
  }
  throw new Error('expected an error');
}
