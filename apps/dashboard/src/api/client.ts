// Every call to the gateway goes through this client: types generated from the gateway's OpenAPI document
// (generated/api.d.ts, made at build), calls through openapi-fetch, the bearer token added here.
import createClient from 'openapi-fetch';
import { session, signOut } from '../lib/session.svelte';
import type { components, paths } from './generated/api';

export type Schemas = components['schemas'];
export type Assistant = Schemas['Assistant'];
export type AssistantStatus = Schemas['AssistantStatus'];
export type AssistantType = Schemas['AssistantType'];
export type Conversation = Schemas['Conversation'];
export type Message = Schemas['Message'];
export type Prompt = Schemas['Prompt'];
export type PromptLink = Schemas['PromptLink'];
export type Problem = Schemas['Problem'];
export type Deployment = Schemas['Deployment'];
export type DeploymentStatus = Schemas['DeploymentStatus'];
export type EnvironmentInfo = Schemas['EnvironmentInfo'];
export type EnvironmentDeployment = Schemas['EnvironmentDeployment'];
export type Environment = Schemas['Environment'];
export type AnalyticsSummary = Schemas['AnalyticsSummary'];
export type AnalyticsLag = Schemas['AnalyticsLag'];
export type AssistantHealth = Schemas['AssistantHealth'];
export type AssistantMetrics = Schemas['AssistantMetrics'];
export type UsageSeries = Schemas['UsageSeries'];
export type AssistantComparison = Schemas['AssistantComparison'];
export type Trend = Schemas['Trend'];

export const api = createClient<paths>({ baseUrl: window.location.origin });

api.use({
  onRequest({ request }) {
    if (session.token) request.headers.set('authorization', `Bearer ${session.token}`);
    return request;
  },
  onResponse({ response }) {
    // A revoked or expired token: back to the sign-in, which returns to this view afterwards.
    if (response.status === 401 && session.token) signOut('Your token is no longer accepted; sign in again.');
    return response;
  },
});

export const ASSISTANT_STATUSES: AssistantStatus[] = ['draft', 'active', 'inactive', 'archived'];
export const ASSISTANT_TYPES: AssistantType[] = [
  'general',
  'specialized',
  'conversational',
  'task_oriented',
  'analytical',
  'creative',
  'support',
  'educational',
];

/** Follows `nextCursor` until the end (at most `maxPages` pages). */
export async function allPages<T>(
  page: (cursor?: string) => Promise<{ data?: { data: T[]; nextCursor: string | null }; error?: unknown }>,
  maxPages = 50,
): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  for (let i = 0; i < maxPages; i++) {
    const { data, error } = await page(cursor);
    if (!data) throw new ApiError(error);
    items.push(...data.data);
    if (!data.nextCursor) break;
    cursor = data.nextCursor;
  }
  return items;
}

/** A problem+json answer as an error: its title and detail, and each field's message by field. */
export class ApiError extends Error {
  readonly status: number;
  readonly fields: Record<string, string>;
  constructor(readonly problem: unknown) {
    const p = (problem ?? {}) as Partial<Problem>;
    super(p.detail ? `${p.title ?? 'Error'}: ${p.detail}` : (p.title ?? 'The request failed'));
    this.status = typeof p.status === 'number' ? p.status : 0;
    this.fields = Object.fromEntries((p.errors ?? []).map((e) => [e.field, e.message]));
  }
}

/** The data of an answer, or an ApiError with its problem. */
export function must<T>(answer: { data?: T; error?: unknown }): T {
  if (answer.data === undefined) throw new ApiError(answer.error);
  return answer.data;
}

export const etagOf = (version: number) => `"${version}"`;
