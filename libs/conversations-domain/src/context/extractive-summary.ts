import { countTokens } from './tokens';
import type { WindowMessage } from './window';

const MAX_LINE_CHARS = 240;

/** The first sentence of a text (or its first MAX_LINE_CHARS characters), on one line. */
function gist(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const sentence = /^.*?[.!?](?=\s|$)/.exec(flat)?.[0] ?? flat;
  return sentence.length > MAX_LINE_CHARS ? `${sentence.slice(0, MAX_LINE_CHARS - 1)}…` : sentence;
}

function line(m: WindowMessage): string {
  if (m.toolCalls?.length) return `- assistant called ${m.toolCalls.map((c) => c.name).join(', ')}`;
  if (m.role === 'tool') return `- tool result (${m.toolCallId}): ${gist(m.content)}`;
  return `- ${m.role}: ${gist(m.content)}`;
}

/**
 * The deterministic summariser used when no model provider is configured (or its summary no longer matches the
 * fold): the earlier summary, then one line per folded message, its first sentence. Same input, same summary.
 * When it exceeds `capTokens` the oldest lines go first; a single line too long is cut.
 */
export function extractiveSummary(
  previous: string | null,
  folded: readonly WindowMessage[],
  capTokens: number,
  model: string,
): string {
  const lines = [...(previous ? previous.split('\n') : []), ...folded.map(line)].filter(Boolean);
  return fitTokens(lines, capTokens, model);
}

/** The newest lines of `lines` that fit in `capTokens` (joined by newlines); the newest cut short if it alone does not. */
export function fitTokens(lines: readonly string[], capTokens: number, model: string): string {
  const kept: string[] = [];
  let used = 0;
  for (let i = lines.length - 1; i >= 0; i--) {
    const cost = countTokens(lines[i], model) + (kept.length > 0 ? 1 : 0);
    if (used + cost > capTokens) {
      if (kept.length === 0) return cut(lines[i], capTokens, model);
      break;
    }
    kept.unshift(lines[i]);
    used += cost;
  }
  return kept.join('\n');
}

function cut(text: string, capTokens: number, model: string): string {
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (countTokens(text.slice(0, mid), model) <= capTokens) lo = mid;
    else hi = mid - 1;
  }
  return text.slice(0, lo);
}
