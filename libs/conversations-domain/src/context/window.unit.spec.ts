import { extractiveSummary } from './extractive-summary';
import { countMessageTokens, countTokens, encodingForModel } from './tokens';
import { maxMessageTokens, planFold, summaryCapTokens, windowTokens, type WindowMessage } from './window';

// A small deterministic generator: the properties must hold for every shape of conversation, not one example.
function random(seed: number) {
  return () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
}

const roles = ['user', 'assistant', 'system', 'tool'] as const;

function conversation(seed: number, budget: number): WindowMessage[] {
  const next = random(seed);
  const limit = maxMessageTokens(budget);
  return Array.from({ length: 1 + Math.floor(next() * 40) }, (_, i) => {
    const role = roles[Math.floor(next() * roles.length)];
    // User messages fit beside a summary (the decider refuses others); the rest may be any size.
    const max = role === 'user' ? limit : budget * 2;
    return {
      id: `m${i}`,
      seq: i + 1,
      role,
      content: `message ${i}`,
      toolCalls: null,
      toolCallId: null,
      tokenCount: 1 + Math.floor(next() * max),
    };
  });
}

describe('the context window', () => {
  it('always fits the budget with a summary of the largest size, and always keeps the latest user message', () => {
    for (let seed = 1; seed <= 500; seed++) {
      const budget = 50 + ((seed * 37) % 4000);
      const window = conversation(seed, budget);
      const summary = summaryCapTokens(budget);
      const { keep, fold } = planFold(window, summary, budget);
      if (fold.length > 0) expect(windowTokens(keep) + summaryCapTokens(budget)).toBeLessThanOrEqual(budget);
      else expect(windowTokens(keep) + summary).toBeLessThanOrEqual(budget);
      const latestUser = window.findLast((m) => m.role === 'user');
      if (latestUser) expect(keep).toContain(latestUser);
      // Nothing is lost: folded and kept together are the window, in order.
      expect([...fold, ...keep].sort((a, b) => a.seq - b.seq)).toEqual(window);
    }
  });

  it('folds nothing while everything fits, and the oldest first when not', () => {
    const m = (seq: number, tokenCount: number): WindowMessage => ({
      id: `m${seq}`,
      seq,
      role: seq % 2 ? 'user' : 'assistant',
      content: '',
      toolCalls: null,
      toolCallId: null,
      tokenCount,
    });
    expect(planFold([m(1, 10), m(2, 10)], 0, 100).fold).toEqual([]);
    expect(planFold([m(1, 40), m(2, 40), m(3, 40)], 0, 100).fold.map((x) => x.seq)).toEqual([1, 2]);
  });

  it('summarises folded turns extractively, within its cap, the newest lines kept', () => {
    const folded: WindowMessage[] = [1, 2, 3].map((i) => ({
      id: `m${i}`,
      seq: i,
      role: 'user',
      content: `Point ${i} matters. The rest is detail.`,
      toolCalls: null,
      toolCallId: null,
      tokenCount: 10,
    }));
    expect(extractiveSummary('- user: Point 0 matters.', folded, 1000, 'gpt-4o')).toBe(
      [
        '- user: Point 0 matters.',
        '- user: Point 1 matters.',
        '- user: Point 2 matters.',
        '- user: Point 3 matters.',
      ].join('\n'),
    );
    const small = extractiveSummary(null, folded, 8, 'gpt-4o');
    expect(countTokens(small, 'gpt-4o')).toBeLessThanOrEqual(8);
    expect(small).toBe('- user: Point 3 matters.');
  });

  it("counts tokens with the model family's tokenizer", () => {
    expect(encodingForModel('gpt-4o-mini')).toBe('o200k_base');
    expect(encodingForModel('openai/gpt-4-turbo')).toBe('cl100k_base');
    expect(countTokens('hello world', 'gpt-4o')).toBe(2);
    expect(countTokens('<|endoftext|>', 'gpt-4')).toBeGreaterThan(1);
    expect(countMessageTokens({ content: 'hello world' }, 'gpt-4o')).toBe(6);
  });
});
