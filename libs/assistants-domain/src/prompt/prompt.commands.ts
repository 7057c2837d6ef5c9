import type { PromptVariable } from '@platform/contracts';

// Time, ids and the actor arrive in the command: the decider reads no clock and makes no id.
interface CommandBase {
  promptId: string;
  now: string;
  actorId: string;
}

export type CreatePrompt = CommandBase & {
  type: 'CreatePrompt';
  /** Whose the prompt is (see ownerOfNew in the contracts). */
  ownerId: string;
  data: { name: string; description?: string; tags: string[]; template: string; variables: PromptVariable[] };
};

export type RevisePrompt = CommandBase & {
  type: 'RevisePrompt';
  data: {
    name?: string;
    description?: string | null;
    tags?: string[];
    template?: string;
    variables?: PromptVariable[];
  };
};

export type MovePromptLabel = CommandBase & { type: 'MovePromptLabel'; data: { label: string; version: number } };

export type RemovePromptLabel = CommandBase & { type: 'RemovePromptLabel'; data: { label: string } };

export type PromptCommand = CreatePrompt | RevisePrompt | MovePromptLabel | RemovePromptLabel;
