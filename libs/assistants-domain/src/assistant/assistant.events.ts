import type { AssistantStatus, AssistantType, Condition, Configuration, Persona, PromptLinkRole } from '@platform/contracts';

export interface AssistantProfile {
  name: string;
  slug: string;
  description: string | null;
  type: AssistantType;
  tags: string[];
  specialty: string | null;
  persona: Persona;
  configuration: Configuration;
}

export type AssistantCreated = {
  type: 'AssistantCreated';
  data: AssistantProfile & { assistantId: string; ownerId: string; createdAt: string };
};

export type AssistantCloned = {
  type: 'AssistantCloned';
  data: AssistantProfile & {
    assistantId: string;
    ownerId: string;
    createdAt: string;
    parentId: string;
    parentVersion: number;
  };
};

/** Only the fields that changed; persona and configuration carry just the keys that changed. */
export type AssistantUpdated = {
  type: 'AssistantUpdated';
  data: { assistantId: string; changes: Partial<AssistantProfile>; updatedAt: string };
};

export type AssistantActivated = {
  type: 'AssistantActivated';
  data: { assistantId: string; from: AssistantStatus; at: string };
};

export type AssistantDeactivated = {
  type: 'AssistantDeactivated';
  data: { assistantId: string; from: AssistantStatus; at: string };
};

export type AssistantArchived = {
  type: 'AssistantArchived';
  data: { assistantId: string; from: AssistantStatus; at: string };
};

export type AssistantUsageRecorded = {
  type: 'AssistantUsageRecorded';
  data: {
    assistantId: string;
    conversations: number;
    messages: number;
    tokens: number;
    responseTimeMs: number | null;
    satisfaction: number | null;
    at: string;
  };
};

/** A prompt linked to an assistant: pinned to a version, or following a label (default `latest`). */
export interface PromptLink {
  promptId: string;
  role: PromptLinkRole;
  priority: number;
  conditions: Condition[];
  pin: { version: number } | { label: string };
  linkedAt: string;
}

export type AssistantPromptLinked = {
  type: 'AssistantPromptLinked';
  data: { assistantId: string; link: PromptLink };
};

/** Carries the link as it is after the change, so history shows the whole link. */
export type AssistantPromptLinkUpdated = {
  type: 'AssistantPromptLinkUpdated';
  data: { assistantId: string; link: PromptLink; at: string };
};

export type AssistantPromptUnlinked = {
  type: 'AssistantPromptUnlinked';
  data: { assistantId: string; promptId: string; at: string };
};

export type AssistantEvent =
  | AssistantCreated
  | AssistantCloned
  | AssistantUpdated
  | AssistantActivated
  | AssistantDeactivated
  | AssistantArchived
  | AssistantUsageRecorded
  | AssistantPromptLinked
  | AssistantPromptLinkUpdated
  | AssistantPromptUnlinked;

export type AssistantEventType = AssistantEvent['type'];

export const ASSISTANT_EVENT_TYPES: readonly AssistantEventType[] = [
  'AssistantCreated',
  'AssistantCloned',
  'AssistantUpdated',
  'AssistantActivated',
  'AssistantDeactivated',
  'AssistantArchived',
  'AssistantUsageRecorded',
  'AssistantPromptLinked',
  'AssistantPromptLinkUpdated',
  'AssistantPromptUnlinked',
];
