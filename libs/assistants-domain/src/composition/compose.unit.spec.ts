import type { ContextValue, Persona } from '@platform/contracts';
import { MissingVariablesError } from '../prompt/prompt.errors';
import { composeSystemPrompt, type ComposeSystemPromptInput, type ResolvedLink } from './compose';
import { countTokens } from './tokens';

const assistant = (persona: Persona = {}) => ({ name: 'Ava', persona, configuration: { model: 'gpt-4o-mini' } });
const link = (
  promptId: string,
  role: ResolvedLink['role'],
  template: string | null,
  extra: Partial<ResolvedLink> = {},
): ResolvedLink => ({
  promptId,
  role,
  priority: 50,
  conditions: [],
  version: template === null ? null : 1,
  template,
  variables: [],
  ...extra,
});
const compose = (links: ResolvedLink[], variables: Record<string, ContextValue> = {}, persona: Persona = {}) =>
  composeSystemPrompt({ assistant: assistant(persona), links, variables });
const sources = (links: ResolvedLink[], variables: Record<string, ContextValue> = {}) =>
  compose(links, variables).parts.map((p) => p.promptId ?? p.source);
const missing = (input: () => unknown): string[] => {
  try {
    input();
  } catch (err) {
    if (err instanceof MissingVariablesError) return err.names;
    throw err;
  }
  throw new Error('expected missing variables');
};

const primary = link('primary', 'primary', 'You help {{customer}}.');
const onlyPro = [{ variable: 'plan', operator: 'eq' as const, value: 'pro' }];

describe('composeSystemPrompt', () => {
  it('puts the persona first, then the primary rendered with the variables, joined by a blank line', () => {
    const result = compose([primary], { customer: 'Bo' }, { tone: 'warm' });
    expect(result.text).toBe('You are Ava.\nTone: warm\n\nYou help Bo.');
    expect(result.parts.map(({ source, promptId, version }) => ({ source, promptId, version }))).toEqual([
      { source: 'persona', promptId: undefined, version: undefined },
      { source: 'primary', promptId: 'primary', version: 1 },
    ]);
  });

  it('leaves out an empty persona', () => {
    expect(compose([primary], { customer: 'Bo' }).text).toBe('You help Bo.');
  });

  it('uses the highest-priority fallback that applies when the primary’s conditions fail', () => {
    const links = [
      link('primary', 'primary', 'Pro prompt', { conditions: onlyPro }),
      link('fb-low', 'fallback', 'Low', { priority: 10 }),
      link('fb-b', 'fallback', 'B', { priority: 80 }),
      link('fb-a', 'fallback', 'A', { priority: 80 }),
      link('fb-top', 'fallback', 'Top', { priority: 99, conditions: onlyPro }),
    ];
    expect(sources(links, { plan: 'free' })).toEqual(['fb-a']);
    expect(sources(links, { plan: 'pro' })).toEqual(['primary']);
  });

  it('falls back when the primary is missing variables, skipping fallbacks that cannot render either', () => {
    const links = [
      primary,
      link('fb-needs-name', 'fallback', 'Hi {{name}}', { priority: 90 }),
      link('fb-plain', 'fallback', 'Be helpful.', { priority: 20 }),
    ];
    expect(sources(links)).toEqual(['fb-plain']);
    expect(sources(links, { name: 'Cy' })).toEqual(['fb-needs-name']);
  });

  it('skips links whose label no longer exists', () => {
    expect(sources([link('primary', 'primary', null), link('fb', 'fallback', 'Fallback')])).toEqual(['fb']);
  });

  it('throws naming the primary’s missing variables when nothing stands in for it', () => {
    const p = link('primary', 'primary', '{{b}} {{a}}', { variables: [{ name: 'c', required: true }] });
    expect(missing(() => compose([p, link('fb', 'fallback', 'F', { conditions: onlyPro })]))).toEqual(['a', 'b', 'c']);
  });

  it('adds no prompt part when neither the primary nor any fallback applies', () => {
    const links = [
      link('primary', 'primary', '{{x}}', { conditions: onlyPro }),
      link('fb', 'fallback', '{{y}}', { conditions: onlyPro }),
    ];
    expect(compose(links, {}, { tone: 'calm' }).parts.map((p) => p.source)).toEqual(['persona']);
  });

  it('adds every secondary that applies, by priority then prompt id', () => {
    const links = [
      link('s-low', 'secondary', 'low', { priority: 5 }),
      link('s-pro', 'secondary', 'pro only', { priority: 100, conditions: onlyPro }),
      link('s-b', 'secondary', 'b', { priority: 60 }),
      link('s-a', 'secondary', 'a', { priority: 60 }),
      primary,
    ];
    expect(sources(links, { customer: 'Bo' })).toEqual(['primary', 's-a', 's-b', 's-low']);
    expect(sources(links, { customer: 'Bo', plan: 'pro' })).toEqual(['primary', 's-pro', 's-a', 's-b', 's-low']);
  });

  it('collects missing variables of the primary and of applying secondaries into one error', () => {
    const links = [
      primary,
      link('s1', 'secondary', '{{zeta}}'),
      link('s2', 'secondary', '{{alpha}}'),
      link('s3', 'secondary', '{{never}}', { conditions: onlyPro }),
    ];
    expect(missing(() => compose(links))).toEqual(['alpha', 'customer', 'zeta']);
  });

  it('gives the same bytes for the same inputs, whatever order the links come in', () => {
    const links = [
      primary,
      link('s1', 'secondary', ' one\n', { priority: 1 }),
      link('s2', 'secondary', 'two', { priority: 1 }),
    ];
    const input: ComposeSystemPromptInput = {
      assistant: assistant({ tone: 'warm' }),
      links,
      variables: { customer: 'Bo' },
    };
    const first = composeSystemPrompt(input);
    expect(composeSystemPrompt({ ...input, links: [...links].reverse() })).toEqual(first);
    expect(first.text).toBe('You are Ava.\nTone: warm\n\nYou help Bo.\n\none\n\ntwo');
  });

  it('counts tokens of the whole text and of each part on its own, with the model’s encoding', () => {
    const result = compose(
      [primary, link('s', 'secondary', 'Always answer in English.')],
      { customer: 'Bo' },
      { tone: 'warm' },
    );
    expect(result.encoding).toBe('o200k_base');
    expect(result.tokenCount).toBe(countTokens(result.text, 'gpt-4o-mini').count);
    for (const part of result.parts) expect(part.tokens).toBe(countTokens(part.text, 'gpt-4o-mini').count);
    expect(result.tokenCount).toBeGreaterThan(Math.max(...result.parts.map((p) => p.tokens)));
  });
});
