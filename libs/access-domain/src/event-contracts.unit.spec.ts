import { accessEventContracts, type EventContract } from '@platform/contracts';
import { deciderSpec } from '@platform/testing';
import type { ApiKeyCommand } from './api-key/api-key.commands';
import { decideApiKey } from './api-key/api-key.decide';
import type { ApiKeyEvent } from './api-key/api-key.events';
import { evolveApiKey, initialApiKeyState, type ApiKeyState } from './api-key/api-key.state';

// Every event the decider can emit must be published, and must match its published schema: the contracts are what
// other services (and the audit trail) read, and the strict schemas refuse a field the contract does not declare.

type Emitted = ReturnType<typeof decideApiKey>[number]['type'];
type Published = keyof typeof accessEventContracts.events;
const everyEmittedTypeIsPublished: [Exclude<Emitted, Published>] extends [never] ? true : false = true;
const everyPublishedTypeIsEmitted: [Exclude<Published, Emitted>] extends [never] ? true : false = true;

const keyId = '0190a000-0000-7000-8000-0000000000b1';
const at = (day: number) => `2026-01-${String(day).padStart(2, '0')}T00:00:00.000Z`;
const spec = deciderSpec<ApiKeyCommand, ApiKeyEvent, ApiKeyState>({
  decide: decideApiKey,
  evolve: evolveApiKey,
  initialState: initialApiKeyState,
});

const commands: ApiKeyCommand[] = [
  {
    type: 'CreateApiKey',
    keyId,
    now: at(1),
    secretHash: '0f'.repeat(32),
    createdBy: 'admin',
    data: { name: 'Deploy bot', role: 'service', ownerId: 'team-a', expiresAt: at(9), rateLimitPerMinute: 100 },
  },
  { type: 'RevokeApiKey', keyId, now: at(2) },
];
const produced = commands.reduce<ApiKeyEvent[]>(
  (history, command) => [...history, ...spec.given(history).when(command).events()],
  [],
);
const contractOf = (type: Published): EventContract => accessEventContracts.events[type];

describe('event contracts of the access decider', () => {
  it('publish every event type the decider emits, and the scenario emits them all', () => {
    expect(everyEmittedTypeIsPublished && everyPublishedTypeIsEmitted).toBe(true);
    expect(new Set(produced.map((e) => e.type))).toEqual(new Set(accessEventContracts.types));
  });

  it.each(produced.map((e, i) => [`${i + 1}. ${e.type}`, e] as const))('%s matches its contract', (_, event) => {
    const result = contractOf(event.type).schema.safeParse(event.data);
    expect(result.error?.issues ?? []).toEqual([]);
  });

  it.each(produced.map((e) => [e.type, e] as const))('%s with an undeclared field fails its contract', (_, event) => {
    expect(contractOf(event.type).schema.safeParse({ ...event.data, undeclared: true }).success).toBe(false);
  });

  it('never carries a secret: only its keyed hash', () => {
    expect(JSON.stringify(produced)).not.toContain('pk_live_');
  });
});
