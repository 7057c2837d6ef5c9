import type { Condition, ContextValue } from '@platform/contracts';
import { evaluateConditions } from './conditions';

const context: Record<string, ContextValue> = {
  plan: 'pro',
  seats: 12,
  seatsText: '12',
  score: '4.5',
  beta: true,
  empty: '',
};
const check = (condition: Condition, ctx: Record<string, ContextValue> = context) =>
  evaluateConditions([condition], ctx);

describe('evaluateConditions', () => {
  it('holds for an empty list, and only when every condition holds', () => {
    expect(evaluateConditions([], {})).toBe(true);
    expect(
      evaluateConditions(
        [
          { variable: 'plan', operator: 'eq', value: 'pro' },
          { variable: 'beta', operator: 'exists' },
        ],
        context,
      ),
    ).toBe(true);
    expect(
      evaluateConditions(
        [
          { variable: 'plan', operator: 'eq', value: 'pro' },
          { variable: 'nope', operator: 'exists' },
        ],
        context,
      ),
    ).toBe(false);
  });

  it('exists: present, even when empty or false; absent or null is not', () => {
    expect(check({ variable: 'empty', operator: 'exists' })).toBe(true);
    expect(check({ variable: 'x', operator: 'exists' }, { x: false })).toBe(true);
    expect(check({ variable: 'nope', operator: 'exists' })).toBe(false);
    expect(
      check({ variable: 'x', operator: 'exists' }, JSON.parse('{"x": null}') as Record<string, ContextValue>),
    ).toBe(false);
    expect(check({ variable: 'toString', operator: 'exists' }, {})).toBe(false);
  });

  it('eq: strict, except that a number equals its decimal string form', () => {
    expect(check({ variable: 'plan', operator: 'eq', value: 'pro' })).toBe(true);
    expect(check({ variable: 'plan', operator: 'eq', value: 'Pro' })).toBe(false);
    expect(check({ variable: 'seats', operator: 'eq', value: '12' })).toBe(true);
    expect(check({ variable: 'seatsText', operator: 'eq', value: 12 })).toBe(true);
    expect(check({ variable: 'score', operator: 'eq', value: 4.5 })).toBe(true);
    expect(check({ variable: 'beta', operator: 'eq', value: 'true' })).toBe(false);
    expect(check({ variable: 'empty', operator: 'eq', value: 0 })).toBe(false);
    expect(check({ variable: 'nope', operator: 'eq', value: 'pro' })).toBe(false);
  });

  it('neq: present and different; a missing variable does not hold', () => {
    expect(check({ variable: 'plan', operator: 'neq', value: 'free' })).toBe(true);
    expect(check({ variable: 'seatsText', operator: 'neq', value: 12 })).toBe(false);
    expect(check({ variable: 'nope', operator: 'neq', value: 'free' })).toBe(false);
  });

  it('in: the list holds the value, with the same equality', () => {
    expect(check({ variable: 'plan', operator: 'in', value: ['team', 'pro'] })).toBe(true);
    expect(check({ variable: 'seatsText', operator: 'in', value: [10, 12] })).toBe(true);
    expect(check({ variable: 'plan', operator: 'in', value: ['free'] })).toBe(false);
    expect(check({ variable: 'nope', operator: 'in', value: ['pro'] })).toBe(false);
  });

  it('gt / lt: numeric, on numbers or numeric strings', () => {
    expect(check({ variable: 'seats', operator: 'gt', value: 10 })).toBe(true);
    expect(check({ variable: 'seatsText', operator: 'gt', value: 10 })).toBe(true);
    expect(check({ variable: 'seats', operator: 'gt', value: 12 })).toBe(false);
    expect(check({ variable: 'score', operator: 'lt', value: 5 })).toBe(true);
    expect(check({ variable: 'score', operator: 'lt', value: 4.5 })).toBe(false);
    expect(check({ variable: 'x', operator: 'lt', value: 0 }, { x: '-1e2' })).toBe(true);
  });

  it('gt / lt: a missing or non-numeric value does not hold', () => {
    for (const operator of ['gt', 'lt'] as const) {
      expect(check({ variable: 'nope', operator, value: 0 })).toBe(false);
      expect(check({ variable: 'plan', operator, value: 0 })).toBe(false);
      expect(check({ variable: 'empty', operator, value: 0 })).toBe(false);
      expect(check({ variable: 'beta', operator, value: 0 })).toBe(false);
      expect(check({ variable: 'x', operator, value: 0 }, { x: '0x10' })).toBe(false);
    }
  });
});
