import type { AssistantStatus } from '@platform/contracts';

/** draft → active, active ⇄ inactive, draft | active | inactive → archived; archived is final. */
export const ASSISTANT_TRANSITIONS: Readonly<Record<AssistantStatus, readonly AssistantStatus[]>> = {
  draft: ['active', 'archived'],
  active: ['inactive', 'archived'],
  inactive: ['active', 'archived'],
  archived: [],
};

export function canTransition(from: AssistantStatus, to: AssistantStatus): boolean {
  return ASSISTANT_TRANSITIONS[from].includes(to);
}
