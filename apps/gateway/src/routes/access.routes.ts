import { AccessOperations as A, type ApiKeyDto } from '@platform/contracts';
import { route } from '../http/route-table';

const keys = 'api-keys';

/** REST routes of API keys (admin only) and of the audit trail (admin, operator). */
export const accessRoutes = [
  route({
    id: 'createApiKey',
    permission: 'keys:manage',
    method: 'POST',
    path: '/api-keys',
    operation: A.createKey,
    tag: keys,
    summary: 'Create an API key (its secret is in this answer only)',
    errors: [422],
    location: (k) => `/api-keys/${k.id}`,
    etag: (k) => k.version,
  }),
  route({
    id: 'listApiKeys',
    permission: 'keys:manage',
    method: 'GET',
    path: '/api-keys',
    operation: A.listKeys,
    tag: keys,
    summary: 'List API keys (never their secrets)',
  }),
  route({
    id: 'getApiKey',
    permission: 'keys:manage',
    method: 'GET',
    path: '/api-keys/:id',
    operation: A.getKey,
    tag: keys,
    summary: 'Get an API key (never its secret)',
    etag: (k: ApiKeyDto) => k.version,
  }),
  route({
    id: 'revokeApiKey',
    permission: 'keys:manage',
    method: 'DELETE',
    path: '/api-keys/:id',
    operation: A.revokeKey,
    tag: keys,
    summary: 'Revoke an API key: every gateway refuses it within a second',
    status: 204,
  }),
  route({
    id: 'listAuditEntries',
    permission: 'audit:read',
    method: 'GET',
    path: '/audit',
    operation: A.audit,
    tag: 'audit',
    summary: 'Who changed what, and when (from the events’ metadata)',
  }),
];
