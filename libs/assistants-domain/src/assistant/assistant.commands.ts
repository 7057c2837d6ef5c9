import type { AssistantStatus, AssistantType, Condition, ConfigurationInput, Persona, PromptLinkRole } from '@platform/contracts';
import type { PromptLink } from './assistant.events';
import type { Assistant } from './assistant.state';

// Time and ids arrive in the command: the decider never reads a clock or makes an id.
interface CommandBase {
  assistantId: string;
  now: string;
}

export type CreateAssistant = CommandBase & {
  type: 'CreateAssistant';
  data: {
    name: string;
    slug?: string;
    description?: string;
    type: AssistantType;
    tags: string[];
    specialty?: string;
    persona?: Persona;
    configuration?: ConfigurationInput;
    ownerId: string;
  };
};

export type CloneAssistant = CommandBase & {
  type: 'CloneAssistant';
  data: { source: Assistant; name?: string; slug?: string; ownerId: string };
};

export type UpdateAssistant = CommandBase & {
  type: 'UpdateAssistant';
  data: {
    name?: string;
    slug?: string;
    description?: string | null;
    type?: AssistantType;
    status?: AssistantStatus;
    tags?: string[];
    specialty?: string | null;
    persona?: Persona;
    configuration?: ConfigurationInput;
  };
};

export type ArchiveAssistant = CommandBase & { type: 'ArchiveAssistant' };

export type RecordAssistantUsage = CommandBase & {
  type: 'RecordAssistantUsage';
  data: {
    conversations?: number;
    messages?: number;
    tokens?: number;
    responseTimeMs?: number;
    satisfaction?: number;
  };
};

export type LinkPrompt = CommandBase & {
  type: 'LinkPrompt';
  data: Omit<PromptLink, 'linkedAt'>;
};

export type UpdatePromptLink = CommandBase & {
  type: 'UpdatePromptLink';
  data: {
    promptId: string;
    role?: PromptLinkRole;
    priority?: number;
    conditions?: Condition[];
    pin?: PromptLink['pin'];
  };
};

export type UnlinkPrompt = CommandBase & { type: 'UnlinkPrompt'; data: { promptId: string } };

export type AssistantCommand =
  | CreateAssistant
  | CloneAssistant
  | UpdateAssistant
  | ArchiveAssistant
  | RecordAssistantUsage
  | LinkPrompt
  | UpdatePromptLink
  | UnlinkPrompt;
