import { countTokens, DEFAULT_ENCODING, encodingForModel } from './tokens';

describe('encodingForModel', () => {
  it.each([
    ['gpt-4o', 'o200k_base'],
    ['gpt-4o-mini', 'o200k_base'],
    ['chatgpt-4o-latest', 'o200k_base'],
    ['gpt-4.1-nano', 'o200k_base'],
    ['gpt-5', 'o200k_base'],
    ['o1-mini', 'o200k_base'],
    ['o3', 'o200k_base'],
    ['o4-mini', 'o200k_base'],
    ['GPT-4O', 'o200k_base'],
    ['openai/gpt-4o', 'o200k_base'],
    ['gpt-4', 'cl100k_base'],
    ['gpt-4-turbo', 'cl100k_base'],
    ['gpt-3.5-turbo', 'cl100k_base'],
    ['ft:gpt-3.5-turbo:acme::abc', 'cl100k_base'],
    ['text-embedding-3-small', 'cl100k_base'],
    ['text-embedding-ada-002', 'cl100k_base'],
  ])('%s → %s', (model, encoding) => {
    expect(encodingForModel(model)).toBe(encoding);
  });

  it.each(['claude-3-5-sonnet', 'llama-3.1-70b', 'mistral-large', 'o100', ''])(
    '%j is not known → the default',
    (model) => {
      expect(encodingForModel(model)).toBe(DEFAULT_ENCODING);
      expect(DEFAULT_ENCODING).toBe('o200k_base');
    },
  );
});

describe('countTokens', () => {
  it('counts known texts in both encodings', () => {
    expect(countTokens('hello world', 'gpt-4o')).toEqual({ count: 2, encoding: 'o200k_base' });
    expect(countTokens('hello world', 'gpt-4')).toEqual({ count: 2, encoding: 'cl100k_base' });
    expect(countTokens('The quick brown fox jumps over the lazy dog.', 'gpt-4o').count).toBe(10);
    // The encodings differ where it shows: o200k has far more non-English tokens.
    expect(countTokens('こんにちは世界', 'gpt-4o').count).toBe(2);
    expect(countTokens('こんにちは世界', 'gpt-3.5-turbo').count).toBe(4);
  });

  it('counts an empty text as 0 and special-token markers as plain text', () => {
    expect(countTokens('', 'gpt-4o').count).toBe(0);
    expect(countTokens('<|endoftext|>', 'gpt-4o').count).toBe(7);
  });
});
