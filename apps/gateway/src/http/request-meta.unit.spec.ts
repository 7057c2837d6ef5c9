import { ProblemError } from '@platform/contracts';
import type { AuthenticatedRequest } from './authentication';
import { parseIfMatch, requestMeta } from './request-meta';

describe('parseIfMatch', () => {
  it('reads "<n>", W/"<n>" and bare digits; * and no header mean any version', () => {
    expect(['"3"', 'W/"3"', '3', ' "3" '].map(parseIfMatch)).toEqual([3, 3, 3, 3]);
    expect(parseIfMatch('"2147483647"')).toBe(2_147_483_647);
    expect(parseIfMatch('*')).toBeUndefined();
    expect(parseIfMatch(undefined)).toBeUndefined();
  });

  it('refuses anything else with 400 naming If-Match', () => {
    for (const value of ['"1', '1"', 'W/"1', 'w/"1"', '"1", "2"', '""', '"-1"', '"1.5"', 'banana', '']) {
      let thrown: unknown;
      try {
        parseIfMatch(value);
      } catch (err) {
        thrown = err;
      }
      expect([value, (thrown as ProblemError | undefined)?.problem.errors?.[0].field]).toEqual([value, 'If-Match']);
    }
  });

  it('refuses versions over 2147483647', () => {
    expect(() => parseIfMatch('"2147483648"')).toThrow(ProblemError);
    expect(() => parseIfMatch('99999999999')).toThrow(ProblemError);
  });
});

describe('requestMeta', () => {
  const request = (body: unknown) =>
    ({
      id: 'r1',
      method: 'POST',
      url: '/x',
      headers: { 'idempotency-key': 'k' },
      body,
    }) as unknown as AuthenticatedRequest;

  it('hashes the method, URL and body for an idempotent request', () => {
    const a = requestMeta(request({ name: 'a' }));
    expect(a.requestHash).toMatch(/^[0-9a-f]{64}$/);
    expect(requestMeta(request({ name: 'a' })).requestHash).toBe(a.requestHash);
    expect(requestMeta(request({ name: 'b' })).requestHash).not.toBe(a.requestHash);
  });

  it('does not throw on a body that cannot be serialised', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(requestMeta(request(deep)).requestHash).toMatch(/^[0-9a-f]{64}$/);
  });
});
