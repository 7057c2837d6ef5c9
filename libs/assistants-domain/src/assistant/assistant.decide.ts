import type { AssistantStatus } from '@platform/contracts';
import type {
  ArchiveAssistant,
  AssistantCommand,
  CloneAssistant,
  CreateAssistant,
  RecordAssistantUsage,
  UpdateAssistant,
} from './assistant.commands';
import {
  AssistantAlreadyExistsError,
  AssistantArchivedError,
  AssistantNotFoundError,
  IllegalStatusTransitionError,
  InvalidAssistantError,
} from './assistant.errors';
import type { AssistantEvent, AssistantProfile, AssistantUpdated } from './assistant.events';
import { DEFAULT_CONFIGURATION, type Assistant, type AssistantState } from './assistant.state';
import { canTransition } from './lifecycle';
import { linkPrompt, unlinkPrompt, updatePromptLink } from './prompt-links.decide';
import { slugify } from './slug';

export function decide(command: AssistantCommand, state: AssistantState): AssistantEvent[] {
  switch (command.type) {
    case 'CreateAssistant':
      return create(command, state);
    case 'CloneAssistant':
      return clone(command, state);
    case 'UpdateAssistant':
      return update(command, existing(command.assistantId, state));
    case 'ArchiveAssistant':
      return archive(command, existing(command.assistantId, state));
    case 'RecordAssistantUsage':
      return recordUsage(command, existing(command.assistantId, state));
    case 'LinkPrompt':
      return linkPrompt(command, existing(command.assistantId, state));
    case 'UpdatePromptLink':
      return updatePromptLink(command, existing(command.assistantId, state));
    case 'UnlinkPrompt':
      return unlinkPrompt(command, existing(command.assistantId, state));
    default: {
      const unreachable: never = command;
      throw new Error(`Unknown command ${JSON.stringify(unreachable)}`);
    }
  }
}

function existing(id: string, state: AssistantState): Assistant {
  if (state.kind === 'none') throw new AssistantNotFoundError(id);
  return state.assistant;
}

function create(command: CreateAssistant, state: AssistantState): AssistantEvent[] {
  if (state.kind !== 'none') throw new AssistantAlreadyExistsError(command.assistantId);
  const d = command.data;
  const name = requireName(d.name);
  return [
    {
      type: 'AssistantCreated',
      data: {
        assistantId: command.assistantId,
        ownerId: d.ownerId,
        createdAt: command.now,
        name,
        slug: d.slug ?? slugify(name),
        description: d.description ?? null,
        type: d.type,
        tags: dedupe(d.tags),
        specialty: d.specialty ?? null,
        persona: d.persona ?? {},
        configuration: { ...DEFAULT_CONFIGURATION, ...d.configuration },
      },
    },
  ];
}

function clone(command: CloneAssistant, state: AssistantState): AssistantEvent[] {
  if (state.kind !== 'none') throw new AssistantAlreadyExistsError(command.assistantId);
  const { source } = command.data;
  const name = requireName(command.data.name ?? `${source.name.slice(0, 248)} (copy)`);
  return [
    {
      type: 'AssistantCloned',
      data: {
        assistantId: command.assistantId,
        ownerId: command.data.ownerId,
        createdAt: command.now,
        parentId: source.id,
        parentVersion: source.version,
        name,
        slug: command.data.slug ?? slugify(name),
        description: source.description,
        type: source.type,
        tags: [...source.tags],
        specialty: source.specialty,
        persona: structuredClone(source.persona),
        configuration: { ...source.configuration },
      },
    },
  ];
}

function update(command: UpdateAssistant, a: Assistant): AssistantEvent[] {
  if (a.status === 'archived') throw new AssistantArchivedError(a.id);
  const { status, ...fields } = command.data;
  if (status !== undefined && status !== a.status && !canTransition(a.status, status)) {
    throw new IllegalStatusTransitionError(a.status, status);
  }
  const events: AssistantEvent[] = [];
  const changes = changedFields(fields, a);
  if (Object.keys(changes).length > 0) {
    events.push({ type: 'AssistantUpdated', data: { assistantId: a.id, changes, updatedAt: command.now } });
  }
  if (status !== undefined && status !== a.status) events.push(statusEvent(a, status, command.now));
  return events;
}

function archive(command: ArchiveAssistant, a: Assistant): AssistantEvent[] {
  if (a.status === 'archived') return []; // deleting twice is not an error: it is already gone from lists
  return [statusEvent(a, 'archived', command.now)];
}

function recordUsage(command: RecordAssistantUsage, a: Assistant): AssistantEvent[] {
  const d = command.data;
  for (const [field, value] of Object.entries(d)) {
    if (value !== undefined && (!Number.isFinite(value) || value < 0)) {
      throw new InvalidAssistantError(field, `${field} must not be negative`);
    }
  }
  if (d.satisfaction !== undefined && (d.satisfaction < 1 || d.satisfaction > 5)) {
    throw new InvalidAssistantError('satisfaction', 'satisfaction is a rating from 1 to 5');
  }
  const messages = d.messages ?? 0;
  return [
    {
      type: 'AssistantUsageRecorded',
      data: {
        assistantId: a.id,
        conversations: d.conversations ?? 0,
        messages,
        tokens: d.tokens ?? 0,
        responseTimeMs: d.responseTimeMs ?? null,
        // The mean is over the report's messages; a time reported without messages still counts as one response.
        responseTimeSamples: d.responseTimeMs === undefined ? 0 : Math.max(1, messages),
        satisfaction: d.satisfaction ?? null,
        at: command.now,
      },
    },
  ];
}

function statusEvent(a: Assistant, to: AssistantStatus, at: string): AssistantEvent {
  const data = { assistantId: a.id, from: a.status, at };
  switch (to) {
    case 'active':
      return { type: 'AssistantActivated', data };
    case 'inactive':
      return { type: 'AssistantDeactivated', data };
    case 'archived':
      return { type: 'AssistantArchived', data };
    case 'draft':
      throw new IllegalStatusTransitionError(a.status, to);
    default: {
      const unreachable: never = to;
      throw new Error(`Unknown status ${String(unreachable)}`);
    }
  }
}

/** Keeps only what differs from the stored assistant; persona and configuration compare key by key. */
function changedFields(fields: Omit<UpdateAssistant['data'], 'status'>, a: Assistant): AssistantUpdated['data']['changes'] {
  const changes: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields) as [keyof AssistantProfile, unknown][]) {
    if (value === undefined) continue;
    if (key === 'persona' || key === 'configuration') {
      const current = a[key] as Record<string, unknown>;
      const diff = Object.fromEntries(
        Object.entries(value as Record<string, unknown>).filter(
          ([k, v]) => v !== undefined && !sameValue(current[k], v),
        ),
      );
      if (Object.keys(diff).length > 0) changes[key] = diff;
      continue;
    }
    const next = key === 'name' ? requireName(value as string) : key === 'tags' ? dedupe(value as string[]) : value;
    if (!sameValue(a[key], next)) changes[key] = next;
  }
  return changes as AssistantUpdated['data']['changes'];
}

function requireName(name: string): string {
  const trimmed = name.trim();
  if (trimmed.length < 1 || trimmed.length > 255) throw new InvalidAssistantError('name', 'name must be 1–255 characters');
  return trimmed;
}

function dedupe(tags: readonly string[]): string[] {
  return [...new Set(tags.map((t) => t.trim()))];
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
