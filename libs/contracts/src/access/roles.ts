import { z } from 'zod';
import type { RequestMeta } from '../common/envelope';

// Who may do what. The gateway checks a route's permission against the caller's role before anything reaches
// the bus; services scope what viewers and editors with an owner see and change to that owner.

export const ROLES = ['viewer', 'editor', 'operator', 'admin', 'service'] as const;
export const roleSchema = z.enum(ROLES).meta({
  id: 'Role',
  description:
    'viewer: read; editor: create and change assistants, prompts and conversations; operator: editor plus ' +
    'deployments, analytics and the audit trail across owners; admin: everything, API keys included; service: ' +
    'what an editor can do, across owners, for internal callers',
});
export type Role = z.output<typeof roleSchema>;

/** Every permission a route can require: `<area>:<read|write>`, plus keys and the audit trail. */
export const PERMISSIONS = [
  'assistants:read',
  'assistants:write',
  'prompts:read',
  'prompts:write',
  'conversations:read',
  'conversations:write',
  'deployments:read',
  'deployments:write',
  'analytics:read',
  'audit:read',
  'keys:manage',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const READ: Permission[] = [
  'assistants:read',
  'prompts:read',
  'conversations:read',
  'deployments:read',
  'analytics:read',
];
const EDIT: Permission[] = [...READ, 'assistants:write', 'prompts:write', 'conversations:write'];

export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  viewer: READ,
  editor: EDIT,
  service: EDIT,
  operator: [...EDIT, 'deployments:write', 'audit:read'],
  admin: PERMISSIONS,
};

export const allows = (role: Role, permission: Permission): boolean => ROLE_PERMISSIONS[role].includes(permission);

/** Roles that see and change only their owner's resources when their key has an owner. */
const OWNER_SCOPED_ROLES: readonly Role[] = ['viewer', 'editor'];

/** Requests per minute of a key of each role, unless the key sets its own. */
export const DEFAULT_RATE_LIMITS: Readonly<Record<Role, number>> = {
  viewer: 600,
  editor: 600,
  operator: 1_200,
  admin: 1_200,
  service: 6_000,
};

/** What of a request decides which owners' resources it may see. */
export type OwnerScoped = Pick<RequestMeta, 'actorRole' | 'actorOwnerId'>;

/**
 * The only owner whose resources this request may see or change, or undefined when it may see every owner's:
 * a viewer's or editor's key with an owner. A resource of another owner is answered as if it did not exist.
 */
export function ownerScope(meta: OwnerScoped): string | undefined {
  return meta.actorRole && OWNER_SCOPED_ROLES.includes(meta.actorRole) ? meta.actorOwnerId : undefined;
}

/** Whether a resource of `ownerId` exists for this request (see ownerScope). */
export function canSee(meta: OwnerScoped, ownerId: string | null): boolean {
  const scope = ownerScope(meta);
  return scope === undefined || scope === ownerId;
}

/** Who owns what this request creates: the key's owner when it has one, else the actor itself. */
export const ownerOfNew = (meta: Pick<RequestMeta, 'actorId' | 'actorOwnerId'>): string =>
  meta.actorOwnerId ?? meta.actorId;
