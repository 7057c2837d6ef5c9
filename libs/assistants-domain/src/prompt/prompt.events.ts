import type { PromptVariable } from '@platform/contracts';

/** What one immutable version holds: the whole prompt content at that version. */
export interface PromptContent {
  name: string;
  description: string | null;
  tags: string[];
  template: string;
  variables: PromptVariable[];
}

export type PromptCreated = {
  type: 'PromptCreated';
  data: PromptContent & { promptId: string; version: 1; createdAt: string };
};

export type PromptRevised = {
  type: 'PromptRevised';
  data: PromptContent & { promptId: string; version: number; revisedAt: string };
};

export type PromptLabelMoved = {
  type: 'PromptLabelMoved';
  data: { promptId: string; label: string; version: number; previousVersion: number | null; at: string };
};

export type PromptLabelRemoved = {
  type: 'PromptLabelRemoved';
  data: { promptId: string; label: string; version: number; at: string };
};

export type PromptEvent = PromptCreated | PromptRevised | PromptLabelMoved | PromptLabelRemoved;

export type PromptEventType = PromptEvent['type'];

export const PROMPT_EVENT_TYPES: readonly PromptEventType[] = [
  'PromptCreated',
  'PromptRevised',
  'PromptLabelMoved',
  'PromptLabelRemoved',
];
