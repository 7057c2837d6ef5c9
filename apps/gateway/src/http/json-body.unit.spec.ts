import { nestedDeeperThan } from './json-body';

describe('nestedDeeperThan', () => {
  const nested = (depth: number) => `${'[{"a":'.repeat(depth / 2)}1${'}]'.repeat(depth / 2)}`;

  it('counts arrays and objects open at once, up to the limit and past it', () => {
    expect(nestedDeeperThan(nested(64), 64)).toBe(false);
    expect(nestedDeeperThan(nested(66), 64)).toBe(true);
    expect(nestedDeeperThan('[[],[],[[]]]', 2)).toBe(true);
    expect(nestedDeeperThan('[[],[],[]]', 2)).toBe(false);
  });

  it('ignores brackets inside strings, escaped quotes included', () => {
    expect(nestedDeeperThan(JSON.stringify({ a: '[[[[{{{{' }), 1)).toBe(false);
    expect(nestedDeeperThan(JSON.stringify({ a: 'say \\"[[[[\\" and "[[' }), 1)).toBe(false);
    expect(nestedDeeperThan(JSON.stringify({ a: ['\\', [['x']]] }), 3)).toBe(true);
  });

  it('scans 10,000 levels in one pass without recursion', () => {
    expect(nestedDeeperThan('['.repeat(10_000) + ']'.repeat(10_000), 64)).toBe(true);
  });
});
