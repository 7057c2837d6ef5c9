// The context window under a token budget: the newest messages that fit beside a running summary of the older ones.

export interface WindowMessage {
  id: string;
  seq: number;
  role: 'user' | 'assistant' | 'system' | 'tool';
  content: string;
  toolCalls: { id: string; name: string; arguments: string }[] | null;
  toolCallId: string | null;
  tokenCount: number;
}

/** The most tokens a summary may take: a quarter of the budget, and never more than 1,024. */
export function summaryCapTokens(budget: number): number {
  return Math.min(1024, Math.floor(Math.max(0, budget) / 4));
}

/** The most tokens the latest user message may take, so that it and a full summary always fit. */
export function maxMessageTokens(budget: number): number {
  return Math.max(0, budget) - summaryCapTokens(budget);
}

export const windowTokens = (messages: readonly WindowMessage[]) => messages.reduce((n, m) => n + m.tokenCount, 0);

/**
 * Which messages to fold into the summary so that summary plus window stay within `budget`. Nothing folds while
 * everything fits. Otherwise the oldest go first, every one but the latest user message, until the kept ones leave
 * room for a summary of the largest size it may take (`summaryCapTokens`), so the result fits whatever the summary.
 */
export function planFold(
  window: readonly WindowMessage[],
  summaryTokens: number,
  budget: number,
): { keep: WindowMessage[]; fold: WindowMessage[] } {
  if (summaryTokens + windowTokens(window) <= budget) return { keep: [...window], fold: [] };
  const latestUser = window.findLast((m) => m.role === 'user');
  const room = Math.max(0, budget) - summaryCapTokens(budget);
  let kept = windowTokens(window);
  const fold = new Set<WindowMessage>();
  for (const m of window) {
    if (kept <= room) break;
    if (m === latestUser) continue;
    fold.add(m);
    kept -= m.tokenCount;
  }
  return { keep: window.filter((m) => !fold.has(m)), fold: window.filter((m) => fold.has(m)) };
}
