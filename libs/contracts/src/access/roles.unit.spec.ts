import { allows, canSee, DEFAULT_RATE_LIMITS, ownerOfNew, ownerScope, PERMISSIONS, ROLES, type Role } from './roles';

const grants = (role: Role) => PERMISSIONS.filter((p) => allows(role, p));

describe('roles', () => {
  it('viewer reads, and changes nothing', () => {
    expect(grants('viewer')).toEqual([
      'assistants:read',
      'prompts:read',
      'conversations:read',
      'deployments:read',
      'analytics:read',
    ]);
  });

  it('editor adds changes to assistants, prompts and conversations, but not deployments, audit or keys', () => {
    expect(grants('editor')).toEqual(
      [...grants('viewer'), 'assistants:write', 'prompts:write', 'conversations:write'].sort(
        (a, b) => PERMISSIONS.indexOf(a) - PERMISSIONS.indexOf(b),
      ),
    );
    for (const p of ['deployments:write', 'audit:read', 'keys:manage'] as const)
      expect(allows('editor', p)).toBe(false);
  });

  it('service can do what an editor can', () => {
    expect(grants('service')).toEqual(grants('editor'));
  });

  it('operator adds deployments and the audit trail, never keys', () => {
    expect(grants('operator')).toEqual(
      [...grants('editor'), 'deployments:write', 'audit:read'].sort(
        (a, b) => PERMISSIONS.indexOf(a) - PERMISSIONS.indexOf(b),
      ),
    );
    expect(allows('operator', 'keys:manage')).toBe(false);
  });

  it('admin has every permission', () => {
    expect(grants('admin')).toEqual([...PERMISSIONS]);
  });

  it('every role has a default rate limit, the service role the highest', () => {
    for (const role of ROLES) expect(DEFAULT_RATE_LIMITS[role]).toBeGreaterThan(0);
    expect(Math.max(...ROLES.map((r) => DEFAULT_RATE_LIMITS[r]))).toBe(DEFAULT_RATE_LIMITS.service);
  });
});

describe('owner scope', () => {
  it('confines viewers and editors with an owner to that owner', () => {
    for (const actorRole of ['viewer', 'editor'] as const) {
      const meta = { actorRole, actorOwnerId: 'team-a' };
      expect(ownerScope(meta)).toBe('team-a');
      expect(canSee(meta, 'team-a')).toBe(true);
      expect(canSee(meta, 'team-b')).toBe(false);
      expect(canSee(meta, null)).toBe(false);
    }
  });

  it('lets operators, admins and services see every owner, even with an owner of their own', () => {
    for (const actorRole of ['operator', 'admin', 'service'] as const) {
      const meta = { actorRole, actorOwnerId: 'team-a' };
      expect(ownerScope(meta)).toBeUndefined();
      expect(canSee(meta, 'team-b')).toBe(true);
    }
  });

  it('lets keys without an owner, and the platform’s own callers, see everything', () => {
    expect(canSee({ actorRole: 'viewer' }, 'team-b')).toBe(true);
    expect(canSee({}, 'team-b')).toBe(true);
  });

  it('gives what is created to the key’s owner, else to the actor', () => {
    expect(ownerOfNew({ actorId: 'key-1', actorOwnerId: 'team-a' })).toBe('team-a');
    expect(ownerOfNew({ actorId: 'admin' })).toBe('admin');
  });
});
