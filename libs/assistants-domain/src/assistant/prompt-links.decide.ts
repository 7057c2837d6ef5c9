import type { LinkPrompt, UnlinkPrompt, UpdatePromptLink } from './assistant.commands';
import {
  AssistantArchivedError,
  PrimaryPromptExistsError,
  PromptAlreadyLinkedError,
  PromptLinkNotFoundError,
} from './assistant.errors';
import type { AssistantEvent, PromptLink } from './assistant.events';
import type { Assistant } from './assistant.state';

// Decisions about the prompts linked to an assistant. Whether the prompt and its version or label exist is
// checked by the caller against the Prompt read model before it asks; these rules need only the assistant.

export function linkPrompt(command: LinkPrompt, a: Assistant): AssistantEvent[] {
  if (a.status === 'archived') throw new AssistantArchivedError(a.id);
  const links = a.promptLinks ?? [];
  if (links.some((l) => l.promptId === command.data.promptId)) throw new PromptAlreadyLinkedError(command.data.promptId);
  if (command.data.role === 'primary') assertNoOtherPrimary(links, command.data.promptId);
  return [{ type: 'AssistantPromptLinked', data: { assistantId: a.id, link: { ...command.data, linkedAt: command.now } } }];
}

export function updatePromptLink(command: UpdatePromptLink, a: Assistant): AssistantEvent[] {
  if (a.status === 'archived') throw new AssistantArchivedError(a.id);
  const links = a.promptLinks ?? [];
  const current = links.find((l) => l.promptId === command.data.promptId);
  if (!current) throw new PromptLinkNotFoundError(command.data.promptId);
  const { promptId: _id, ...changes } = command.data;
  const next: PromptLink = { ...current, ...definedOnly(changes) };
  if (next.role === 'primary' && current.role !== 'primary') assertNoOtherPrimary(links, current.promptId);
  if (JSON.stringify(next) === JSON.stringify(current)) return [];
  return [{ type: 'AssistantPromptLinkUpdated', data: { assistantId: a.id, link: next, at: command.now } }];
}

export function unlinkPrompt(command: UnlinkPrompt, a: Assistant): AssistantEvent[] {
  if (a.status === 'archived') throw new AssistantArchivedError(a.id);
  if (!(a.promptLinks ?? []).some((l) => l.promptId === command.data.promptId)) {
    throw new PromptLinkNotFoundError(command.data.promptId);
  }
  return [{ type: 'AssistantPromptUnlinked', data: { assistantId: a.id, promptId: command.data.promptId, at: command.now } }];
}

function assertNoOtherPrimary(links: PromptLink[], promptId: string): void {
  const primary = links.find((l) => l.role === 'primary' && l.promptId !== promptId);
  if (primary) throw new PrimaryPromptExistsError(primary.promptId);
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
