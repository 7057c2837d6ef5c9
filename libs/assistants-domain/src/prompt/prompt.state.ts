import { LATEST_LABEL } from '@platform/contracts';
import type { PromptContent, PromptEvent } from './prompt.events';

export interface Prompt extends PromptContent {
  id: string;
  /** Null (or absent in documents written before owners were recorded) when the prompt belongs to no owner. */
  ownerId?: string | null;
  latestVersion: number;
  labels: Record<string, number>;
  /** Events applied so far: the stream revision the next append expects. */
  revision: number;
  createdAt: string;
  updatedAt: string;
}

export type PromptState = { kind: 'none' } | { kind: 'existing'; prompt: Prompt };

export const initialPromptState: PromptState = { kind: 'none' };

const content = (d: PromptContent): PromptContent => ({
  name: d.name,
  description: d.description,
  tags: d.tags,
  template: d.template,
  variables: d.variables,
});

export function evolvePrompt(state: PromptState, event: PromptEvent): PromptState {
  if (event.type === 'PromptCreated') {
    const d = event.data;
    return {
      kind: 'existing',
      prompt: {
        ...content(d),
        id: d.promptId,
        ownerId: d.ownerId,
        latestVersion: 1,
        labels: { [LATEST_LABEL]: 1 },
        revision: 1,
        createdAt: d.createdAt,
        updatedAt: d.createdAt,
      },
    };
  }
  if (state.kind === 'none') return state;
  const p = state.prompt;
  const next = (changes: Partial<Prompt>, at: string): PromptState => ({
    kind: 'existing',
    prompt: { ...p, ...changes, revision: p.revision + 1, updatedAt: at },
  });
  switch (event.type) {
    case 'PromptRevised':
      return next(
        {
          ...content(event.data),
          latestVersion: event.data.version,
          labels: { ...p.labels, [LATEST_LABEL]: event.data.version },
        },
        event.data.revisedAt,
      );
    case 'PromptLabelMoved':
      return next({ labels: { ...p.labels, [event.data.label]: event.data.version } }, event.data.at);
    case 'PromptLabelRemoved': {
      const { [event.data.label]: _removed, ...labels } = p.labels;
      return next({ labels }, event.data.at);
    }
    default: {
      const unreachable: never = event;
      return unreachable;
    }
  }
}

export function foldPrompt(events: readonly PromptEvent[], from: PromptState = initialPromptState): PromptState {
  return events.reduce(evolvePrompt, from);
}
