import type { Condition, ContextValue, Persona, PromptLinkRole, PromptVariable } from '@platform/contracts';
import { MissingVariablesError } from '../prompt/prompt.errors';
import { renderTemplate } from '../prompt/template';
import { evaluateConditions } from './conditions';
import { compareText } from './order';
import { personaSection } from './persona-section';
import { countTokens, type TokenEncoding } from './tokens';

/** A link with the prompt version it runs with now; `version` and `template` are null once its label is gone. */
export interface ResolvedLink {
  promptId: string;
  role: PromptLinkRole;
  priority: number;
  conditions: Condition[];
  version: number | null;
  template: string | null;
  variables: PromptVariable[];
}

export interface ComposeSystemPromptInput {
  assistant: { name: string; persona: Persona; configuration: { model: string } };
  links: readonly ResolvedLink[];
  variables: Readonly<Record<string, ContextValue>>;
}

export interface ComposedPart {
  source: 'persona' | PromptLinkRole;
  promptId?: string;
  version?: number;
  /** Tokens of this part alone; parts do not add up to the total, which also counts the separators. */
  tokens: number;
  text: string;
}

export interface ComposedSystemPrompt {
  text: string;
  encoding: TokenEncoding;
  tokenCount: number;
  parts: ComposedPart[];
}

type Usable = ResolvedLink & { version: number; template: string };
type Draft = Omit<ComposedPart, 'tokens'>;
type Rendered = { text: string } | { missing: string[] };

/**
 * The system prompt an assistant runs with: its persona, then its primary prompt — or, when the primary does
 * not apply or cannot render, the first fallback that applies and renders — then every secondary that applies.
 * Ties in priority go by prompt id, and parts are trimmed and joined by one blank line, so the same inputs give
 * the same bytes. Required variables that are missing from the parts that must render are reported together.
 */
export function composeSystemPrompt(input: ComposeSystemPromptInput): ComposedSystemPrompt {
  const { assistant, variables } = input;
  const applies = (l: ResolvedLink): l is Usable => isUsable(l) && evaluateConditions(l.conditions, variables);
  const main = mainPart(input.links, applies, variables);
  const drafts: Draft[] = [{ source: 'persona', text: personaSection(assistant) }, ...(main.draft ? [main.draft] : [])];
  const missing = [...main.missing];
  for (const secondary of byPriority(input.links.filter((l) => l.role === 'secondary').filter(applies))) {
    const rendered = render(secondary, variables);
    if ('text' in rendered) drafts.push(draft(secondary, rendered.text));
    else missing.push(...rendered.missing);
  }
  if (missing.length > 0) throw new MissingVariablesError(missing);

  const model = assistant.configuration.model;
  const shown = drafts.filter((d) => d.text !== '');
  const text = shown.map((d) => d.text).join('\n\n');
  const total = countTokens(text, model);
  return {
    text,
    encoding: total.encoding,
    tokenCount: total.count,
    parts: shown.map((d) => ({ ...d, tokens: countTokens(d.text, model).count })),
  };
}

/**
 * The primary when it applies and renders, else the first fallback that applies and renders. Fallbacks that
 * cannot render are passed over; a primary that applies but cannot render is an error only when no fallback
 * stands in for it.
 */
function mainPart(
  links: readonly ResolvedLink[],
  applies: (l: ResolvedLink) => l is Usable,
  variables: Readonly<Record<string, ContextValue>>,
): { draft?: Draft; missing: string[] } {
  const [primary] = byPriority(links.filter((l) => l.role === 'primary' && isUsable(l)));
  const candidates = [primary, ...byPriority(links.filter((l) => l.role === 'fallback'))].filter(
    (l): l is Usable => l !== undefined && applies(l),
  );
  let missing: string[] = [];
  for (const link of candidates) {
    const rendered = render(link, variables);
    if ('text' in rendered) return { draft: draft(link, rendered.text), missing: [] };
    if (link === primary) missing = rendered.missing;
  }
  return { missing };
}

const isUsable = (link: ResolvedLink): link is Usable => link.version !== null && link.template !== null;

const byPriority = <T extends ResolvedLink>(links: T[]): T[] =>
  [...links].sort((a, b) => b.priority - a.priority || compareText(a.promptId, b.promptId));

function render(link: Usable, variables: Readonly<Record<string, ContextValue>>): Rendered {
  try {
    return { text: renderTemplate(link.template, link.variables, variables).trim() };
  } catch (err) {
    if (err instanceof MissingVariablesError) return { missing: err.names };
    throw err;
  }
}

const draft = (link: Usable, text: string): Draft => ({
  source: link.role,
  promptId: link.promptId,
  version: link.version,
  text,
});
