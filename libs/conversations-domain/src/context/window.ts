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
  const latestUser = window.findLast((m) => m.role === 'user');
  const folded = new Set(
    planFoldFromHead(window, windowTokens(window), summaryTokens, budget, latestUser?.id ?? null, true) ?? [],
  );
  return { keep: window.filter((m) => !folded.has(m)), fold: window.filter((m) => folded.has(m)) };
}

/**
 * `planFold` knowing only the oldest messages of the window (`head`, in order), the whole window holding
 * `windowTotal` tokens with `latestUserId` its latest user message: the messages to fold, the same as `planFold`
 * over the whole window would choose. Null when `head` ends before enough has folded and is not the whole window
 * (`headIsWholeWindow`): the caller reads further. The window itself need never be read whole.
 */
export function planFoldFromHead(
  head: readonly WindowMessage[],
  windowTotal: number,
  summaryTokens: number,
  budget: number,
  latestUserId: string | null,
  headIsWholeWindow: boolean,
): WindowMessage[] | null {
  if (summaryTokens + windowTotal <= budget) return [];
  const room = Math.max(0, budget) - summaryCapTokens(budget);
  let kept = windowTotal;
  const fold: WindowMessage[] = [];
  for (const m of head) {
    if (kept <= room) return fold;
    if (m.id === latestUserId) continue;
    fold.push(m);
    kept -= m.tokenCount;
  }
  return kept <= room || headIsWholeWindow ? fold : null;
}
