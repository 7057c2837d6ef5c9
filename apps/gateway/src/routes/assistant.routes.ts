import { AssistantOperations as A, type AssistantDto } from '@platform/contracts';
import { route } from '../http/route-table';

const tag = 'assistants';
const version = (a: AssistantDto) => a.version;

/** REST routes of assistants: each one bus operation; the version read is the ETag. */
export const assistantRoutes = [
  route({
    method: 'POST',
    path: '/assistants',
    operation: A.create,
    tag,
    summary: 'Create an assistant',
    location: (a: AssistantDto) => `/assistants/${a.id}`,
    etag: version,
  }),
  route({ method: 'GET', path: '/assistants', operation: A.list, tag, summary: 'List assistants' }),
  route({ method: 'GET', path: '/assistants/search', operation: A.search, tag, summary: 'Search assistants' }),
  route({ method: 'GET', path: '/assistants/popular', operation: A.popular, tag, summary: 'Most used assistants' }),
  route({ method: 'GET', path: '/assistants/types', operation: A.types, tag, summary: 'Assistant types' }),
  route({ method: 'GET', path: '/assistants/statuses', operation: A.statuses, tag, summary: 'Assistant statuses' }),
  route({ method: 'GET', path: '/assistants/:id', operation: A.get, tag, summary: 'Get an assistant', etag: version }),
  route({
    method: 'PUT',
    path: '/assistants/:id',
    operation: A.update,
    tag,
    summary: 'Update an assistant',
    etag: version,
  }),
  route({
    method: 'DELETE',
    path: '/assistants/:id',
    operation: A.archive,
    tag,
    summary: 'Archive an assistant',
    status: 204,
  }),
  route({
    method: 'POST',
    path: '/assistants/:id/clone',
    operation: A.clone,
    tag,
    summary: 'Clone an assistant',
    location: (a: AssistantDto) => `/assistants/${a.id}`,
    etag: version,
  }),
  route({
    method: 'POST',
    path: '/assistants/:id/usage',
    operation: A.recordUsage,
    tag,
    summary: 'Record usage',
    etag: version,
  }),
  route({ method: 'GET', path: '/assistants/:id/history', operation: A.history, tag, summary: 'Version history' }),
];
