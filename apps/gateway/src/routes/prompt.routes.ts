import { PromptOperations as P, type PromptDto, type PromptLinkDto } from '@platform/contracts';
import { route } from '../http/route-table';

// Writes answer with the latest version, which If-Match must name; a read names the version it read.
const latest = (p: PromptDto) => p.latestVersion;
const read = (p: PromptDto) => p.version;
const prompts = 'prompts';
const links = 'assistant prompts';

/** REST routes of versioned prompts, their links to assistants, and composed system prompts. */
export const promptRoutes = [
  route({
    method: 'POST',
    path: '/prompts',
    operation: P.create,
    tag: prompts,
    summary: 'Create a prompt',
    location: (p: PromptDto) => `/prompts/${p.id}`,
    etag: latest,
  }),
  route({ method: 'GET', path: '/prompts', operation: P.list, tag: prompts, summary: 'List prompts' }),
  route({
    method: 'GET',
    path: '/prompts/:id',
    operation: P.get,
    tag: prompts,
    summary: 'Get a prompt at a version or label',
    etag: read,
  }),
  route({
    method: 'PUT',
    path: '/prompts/:id',
    operation: P.revise,
    tag: prompts,
    summary: 'Revise a prompt (new version)',
    etag: latest,
  }),
  route({
    method: 'GET',
    path: '/prompts/:id/versions',
    operation: P.versions,
    tag: prompts,
    summary: 'List prompt versions',
  }),
  route({
    method: 'POST',
    path: '/prompts/:id/labels',
    operation: P.moveLabel,
    tag: prompts,
    summary: 'Move a label to a version',
    etag: latest,
  }),
  route({
    method: 'DELETE',
    path: '/prompts/:id/labels/:label',
    operation: P.removeLabel,
    tag: prompts,
    summary: 'Remove a label',
    status: 204,
  }),
  route({
    method: 'GET',
    path: '/assistants/prompts/:promptId/assistants',
    operation: P.linkedAssistants,
    tag: links,
    summary: 'Assistants using a prompt',
  }),
  route({
    method: 'POST',
    path: '/assistants/:id/prompts',
    operation: P.link,
    tag: links,
    summary: 'Link a prompt',
    location: (l: PromptLinkDto, { params }) => `/assistants/${params.id}/prompts/${l.promptId}`,
  }),
  route({ method: 'GET', path: '/assistants/:id/prompts', operation: P.links, tag: links, summary: 'Linked prompts' }),
  route({
    method: 'GET',
    path: '/assistants/:id/prompts/:promptId',
    operation: P.getLink,
    tag: links,
    summary: 'Get a link',
  }),
  route({
    method: 'GET',
    path: '/assistants/:id/prompts/suggestions',
    operation: P.suggestions,
    tag: links,
    summary: 'Suggested prompts',
  }),
  route({
    method: 'PUT',
    path: '/assistants/:id/prompts/:promptId',
    operation: P.updateLink,
    tag: links,
    summary: 'Change a link',
  }),
  route({
    method: 'DELETE',
    path: '/assistants/:id/prompts/:promptId',
    operation: P.unlink,
    tag: links,
    summary: 'Unlink a prompt',
    status: 204,
  }),
  route({
    method: 'POST',
    path: '/assistants/:id/system-prompt',
    operation: P.systemPrompt,
    tag: links,
    summary: 'Compose the system prompt with variables',
  }),
  route({
    method: 'GET',
    path: '/assistants/:id/system-prompt',
    operation: P.systemPrompt,
    tag: links,
    summary: 'Compose the system prompt',
    fixed: { body: { variables: {} } },
  }),
];
