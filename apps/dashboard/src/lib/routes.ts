// The dashboard's URLs: every view has its own, so links can be shared and the back button works.
// The gateway answers each of these paths with index.html (apps/gateway/src/http/dashboard.ts).

export const TABS = ['overview', 'analytics', 'deployments', 'conversations', 'prompts'] as const;
export type Tab = (typeof TABS)[number];

export type View =
  | { name: 'fleet' }
  | { name: 'assistants' }
  | { name: 'assistant'; id: string; tab: Tab }
  | { name: 'conversation'; id: string }
  | { name: 'not-found'; path: string };

const SEGMENT = /^[A-Za-z0-9_-]{1,100}$/;

export function parseView(pathname: string): View {
  const parts = pathname.replace(/\/+$/, '').split('/').filter(Boolean).map(decodeURIComponent);
  if (parts.length === 0) return { name: 'fleet' };
  if (parts[0] === 'assistants' && parts.length === 1) return { name: 'assistants' };
  if (parts[0] === 'assistants' && parts.length <= 3 && SEGMENT.test(parts[1])) {
    const tab = (parts[2] ?? 'overview') as Tab;
    if (TABS.includes(tab)) return { name: 'assistant', id: parts[1], tab };
  }
  if (parts[0] === 'conversations' && parts.length === 2 && SEGMENT.test(parts[1])) {
    return { name: 'conversation', id: parts[1] };
  }
  return { name: 'not-found', path: pathname };
}

export const assistantPath = (id: string, tab: Tab = 'overview') => `/assistants/${encodeURIComponent(id)}/${tab}`;
export const conversationPath = (id: string) => `/conversations/${encodeURIComponent(id)}`;
