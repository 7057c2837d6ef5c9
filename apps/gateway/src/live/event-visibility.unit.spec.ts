import { parseLastEventId, verdict } from './event-visibility';

const event = (streamId: string, data: unknown = {}, metadata: Record<string, unknown> = {}) => ({
  streamId,
  data,
  metadata,
});

describe('which events the live stream shows a caller', () => {
  it('shows an unscoped reader every event its role may read, and nothing of an unknown area', () => {
    const admin = { actorRole: 'admin' as const };
    expect(verdict(admin, event('assistant-1'))).toBe('show');
    expect(verdict(admin, event('apikey-1'))).toBe('show');
    expect(verdict(admin, event('mystery-1'))).toBe('hide');
    expect(verdict({ actorRole: 'viewer' }, event('apikey-1'))).toBe('hide');
    expect(verdict({ actorRole: 'viewer' }, event('conversation-1'))).toBe('show');
    expect(verdict({}, event('assistant-1'))).toBe('hide');
  });

  it("shows an owner-scoped key its owner's events only, and asks when the event does not say", () => {
    const team = { actorRole: 'editor' as const, actorOwnerId: 'team-a' };
    expect(verdict(team, event('assistant-1', { ownerId: 'team-a' }))).toBe('show');
    expect(verdict(team, event('assistant-1', { ownerId: 'team-b' }))).toBe('hide');
    expect(verdict(team, event('prompt-1', { ownerId: null }))).toBe('hide');
    expect(verdict(team, event('assistant-1', {}), 'team-a')).toBe('show');
    expect(verdict(team, event('assistant-1', {}), 'team-b')).toBe('hide');
    expect(verdict(team, event('assistant-1', {}, { actorRole: 'editor', actorOwnerId: 'team-a' }))).toBe('show');
    expect(verdict(team, event('assistant-1', {}, { actorRole: 'admin' }))).toBe('ask');
    expect(verdict(team, event('apikey-1', { ownerId: 'team-a' }))).toBe('hide');
  });

  it("shows analytics' alerts to readers of analytics, an owner's only to its owner", () => {
    expect(verdict({ actorRole: 'viewer' }, event('alert-1', { ownerId: 'team-a' }))).toBe('show');
    expect(verdict({ actorRole: 'viewer', actorOwnerId: 'team-a' }, event('alert-1', { ownerId: 'team-a' }))).toBe(
      'show',
    );
    expect(verdict({ actorRole: 'viewer', actorOwnerId: 'team-b' }, event('alert-1', { ownerId: 'team-a' }))).toBe(
      'hide',
    );
  });

  it('reads Last-Event-ID as a stream sequence', () => {
    expect(parseLastEventId('42')).toBe(42);
    expect(parseLastEventId(' 7 ')).toBe(7);
    expect(parseLastEventId('abc')).toBeUndefined();
    expect(parseLastEventId(undefined)).toBeUndefined();
  });
});
