import { LATEST_LABEL } from '@platform/contracts';
import type { CreatePrompt, MovePromptLabel, PromptCommand, RemovePromptLabel, RevisePrompt } from './prompt.commands';
import {
  InvalidPromptError,
  PromptAlreadyExistsError,
  PromptLabelNotFoundError,
  PromptNotFoundError,
  PromptVersionNotFoundError,
  ReservedLabelError,
} from './prompt.errors';
import type { PromptContent, PromptEvent } from './prompt.events';
import type { Prompt, PromptState } from './prompt.state';
import { carriedVariables, validContent } from './prompt-content';

export function decidePrompt(command: PromptCommand, state: PromptState): PromptEvent[] {
  switch (command.type) {
    case 'CreatePrompt':
      return create(command, state);
    case 'RevisePrompt':
      return revise(command, existing(command.promptId, state));
    case 'MovePromptLabel':
      return moveLabel(command, existing(command.promptId, state));
    case 'RemovePromptLabel':
      return removeLabel(command, existing(command.promptId, state));
    default: {
      const unreachable: never = command;
      throw new Error(`Unknown command ${JSON.stringify(unreachable)}`);
    }
  }
}

function existing(id: string, state: PromptState): Prompt {
  if (state.kind === 'none') throw new PromptNotFoundError(id);
  return state.prompt;
}

function create(command: CreatePrompt, state: PromptState): PromptEvent[] {
  if (state.kind !== 'none') throw new PromptAlreadyExistsError(command.promptId);
  const d = command.data;
  const body = validContent({ ...d, description: d.description ?? null });
  return [
    {
      type: 'PromptCreated',
      data: { ...body, promptId: command.promptId, version: 1, createdAt: command.now, ownerId: command.ownerId },
    },
  ];
}

/** Every real change is a new immutable version holding the whole content; no change, no version. */
function revise(command: RevisePrompt, p: Prompt): PromptEvent[] {
  const d = command.data;
  const next = validContent({
    name: d.name ?? p.name,
    description: d.description !== undefined ? d.description : p.description,
    tags: d.tags ?? p.tags,
    template: d.template ?? p.template,
    variables: d.variables ?? (d.template === undefined ? p.variables : carriedVariables(p.variables, d.template)),
  });
  const current: PromptContent = {
    name: p.name,
    description: p.description,
    tags: p.tags,
    template: p.template,
    variables: p.variables,
  };
  if (JSON.stringify(next) === JSON.stringify(current)) return [];
  return [
    { type: 'PromptRevised', data: { ...next, promptId: p.id, version: p.latestVersion + 1, revisedAt: command.now } },
  ];
}

// The contracts' label rule, checked here too: labels become keys of `labels`, so "__proto__" must never get in.
const LABEL = /^[a-z0-9][a-z0-9._-]{0,62}$/;

function moveLabel(command: MovePromptLabel, p: Prompt): PromptEvent[] {
  const { label, version } = command.data;
  assertMovable(label);
  if (!Number.isInteger(version) || version < 1 || version > p.latestVersion)
    throw new PromptVersionNotFoundError(p.id, version);
  const previousVersion = labelled(p, label);
  if (previousVersion === version) return [];
  return [{ type: 'PromptLabelMoved', data: { promptId: p.id, label, version, previousVersion, at: command.now } }];
}

function removeLabel(command: RemovePromptLabel, p: Prompt): PromptEvent[] {
  const { label } = command.data;
  assertMovable(label);
  const version = labelled(p, label);
  if (version === null) throw new PromptLabelNotFoundError(p.id, label);
  return [{ type: 'PromptLabelRemoved', data: { promptId: p.id, label, version, at: command.now } }];
}

function assertMovable(label: string): void {
  if (label === LATEST_LABEL) throw new ReservedLabelError(label);
  if (!LABEL.test(label)) {
    throw new InvalidPromptError('label', 'a label is lowercase letters, digits, ".", "_" or "-" (max 63)');
  }
}

// Own keys only: "constructor" is a valid label and must not find Object's.
const labelled = (p: Prompt, label: string): number | null => (Object.hasOwn(p.labels, label) ? p.labels[label] : null);
