import type { AssistantStatus, AssistantType, ConfigurationInput, Persona } from '@platform/contracts';
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

export type AssistantCommand =
  | CreateAssistant
  | CloneAssistant
  | UpdateAssistant
  | ArchiveAssistant
  | RecordAssistantUsage;
