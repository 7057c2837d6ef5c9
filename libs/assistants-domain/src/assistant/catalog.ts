import type { AssistantStatus, AssistantType, CatalogEntryDto } from '@platform/contracts';
import { ASSISTANT_TRANSITIONS } from './lifecycle';

const TYPES: Record<AssistantType, [label: string, description: string]> = {
  general: ['General', 'A general-purpose assistant for everyday questions and tasks.'],
  specialized: ['Specialized', 'Focused on one field of expertise, set by its specialty and knowledge domains.'],
  conversational: ['Conversational', 'Built for open-ended, multi-turn dialogue.'],
  task_oriented: ['Task-oriented', 'Guides the user to complete a defined task or workflow.'],
  analytical: ['Analytical', 'Analyses data and reasoning problems and explains its findings.'],
  creative: ['Creative', 'Writes, brainstorms and produces creative content.'],
  support: ['Support', 'Answers customer or user support requests.'],
  educational: ['Educational', 'Teaches and tutors, adapting explanations to the learner.'],
};

const STATUSES: Record<AssistantStatus, [label: string, description: string]> = {
  draft: ['Draft', 'Being configured; not yet in use.'],
  active: ['Active', 'In use and available for conversations.'],
  inactive: ['Inactive', 'Paused; can be activated again.'],
  archived: ['Archived', 'Retired for good; kept readable with its history.'],
};

export function assistantTypeCatalog(): CatalogEntryDto[] {
  return Object.entries(TYPES).map(([value, [label, description]]) => ({ value, label, description }));
}

export function assistantStatusCatalog(): CatalogEntryDto[] {
  return (Object.entries(STATUSES) as [AssistantStatus, [string, string]][]).map(([value, [label, description]]) => ({
    value,
    label,
    description,
    allowedNext: [...ASSISTANT_TRANSITIONS[value]],
  }));
}
