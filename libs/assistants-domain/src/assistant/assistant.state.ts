import type { AssistantStatus, Configuration } from '@platform/contracts';
import type { AssistantEvent, AssistantProfile, PromptLink } from './assistant.events';

export interface UsageTotals {
  conversations: number;
  messages: number;
  tokens: number;
  responseTimeTotalMs: number;
  responseTimeSamples: number;
  ratingsTotal: number;
  ratingsCount: number;
}

export interface Assistant extends AssistantProfile {
  id: string;
  status: AssistantStatus;
  ownerId: string;
  parentId: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
  usage: UsageTotals;
  promptLinks: PromptLink[];
}

export type AssistantState = { kind: 'none' } | { kind: 'existing'; assistant: Assistant };

export const initialState: AssistantState = { kind: 'none' };

export const DEFAULT_CONFIGURATION: Configuration = Object.freeze({
  model: 'gpt-4o-mini',
  temperature: 0.7,
  maxTokens: 1024,
  contextWindowTokens: 8192,
  topP: 1,
});

const NO_USAGE: UsageTotals = Object.freeze({
  conversations: 0,
  messages: 0,
  tokens: 0,
  responseTimeTotalMs: 0,
  responseTimeSamples: 0,
  ratingsTotal: 0,
  ratingsCount: 0,
});

/** Folds one event into the state. `version` is the stream revision, counted here one per event. */
function born(data: AssistantProfile & { assistantId: string; ownerId: string; createdAt: string }, parentId: string | null): AssistantState {
  const { name, slug, description, type, tags, specialty, persona, configuration } = data;
  return {
    kind: 'existing',
    assistant: {
      ...{ name, slug, description, type, tags, specialty, persona, configuration },
      id: data.assistantId,
      ownerId: data.ownerId,
      parentId,
      status: 'draft',
      version: 1,
      createdAt: data.createdAt,
      updatedAt: data.createdAt,
      usage: { ...NO_USAGE },
      promptLinks: [],
    },
  };
}

/** Folds one event into the state. `version` is the stream revision, counted here one per event. */
export function evolve(state: AssistantState, event: AssistantEvent): AssistantState {
  if (event.type === 'AssistantCreated') return born(event.data, null);
  if (event.type === 'AssistantCloned') return born(event.data, event.data.parentId);
  if (state.kind === 'none') return state;
  const a = state.assistant;
  const next = (changes: Partial<Assistant>, at: string): AssistantState => ({
    kind: 'existing',
    assistant: { ...a, ...changes, version: a.version + 1, updatedAt: at },
  });
  switch (event.type) {
    case 'AssistantUpdated': {
      const { persona, configuration, ...rest } = event.data.changes;
      return next(
        {
          ...rest,
          ...(persona ? { persona: { ...a.persona, ...persona } } : {}),
          ...(configuration ? { configuration: { ...a.configuration, ...configuration } } : {}),
        },
        event.data.updatedAt,
      );
    }
    case 'AssistantActivated':
      return next({ status: 'active' }, event.data.at);
    case 'AssistantDeactivated':
      return next({ status: 'inactive' }, event.data.at);
    case 'AssistantArchived':
      return next({ status: 'archived' }, event.data.at);
    case 'AssistantUsageRecorded': {
      const u = event.data;
      return next(
        {
          usage: {
            conversations: a.usage.conversations + u.conversations,
            messages: a.usage.messages + u.messages,
            tokens: a.usage.tokens + u.tokens,
            responseTimeTotalMs: a.usage.responseTimeTotalMs + (u.responseTimeMs ?? 0) * u.responseTimeSamples,
            responseTimeSamples: a.usage.responseTimeSamples + u.responseTimeSamples,
            ratingsTotal: a.usage.ratingsTotal + (u.satisfaction ?? 0),
            ratingsCount: a.usage.ratingsCount + (u.satisfaction === null ? 0 : 1),
          },
        },
        u.at,
      );
    }
    case 'AssistantPromptLinked':
      return next({ promptLinks: [...links(a), event.data.link] }, event.data.link.linkedAt);
    case 'AssistantPromptLinkUpdated': {
      const { link } = event.data;
      return next({ promptLinks: links(a).map((l) => (l.promptId === link.promptId ? link : l)) }, event.data.at);
    }
    case 'AssistantPromptUnlinked':
      return next({ promptLinks: links(a).filter((l) => l.promptId !== event.data.promptId) }, event.data.at);
    default: {
      const unreachable: never = event;
      return unreachable;
    }
  }
}

// Documents written before links existed have none.
const links = (a: Assistant): PromptLink[] => a.promptLinks ?? [];

export function fold(events: readonly AssistantEvent[], from: AssistantState = initialState): AssistantState {
  return events.reduce(evolve, from);
}
