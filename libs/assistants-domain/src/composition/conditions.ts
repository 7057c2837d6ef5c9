import type { Condition, ContextValue } from '@platform/contracts';

/**
 * Whether a link applies to this context: every condition must hold, and no conditions means always.
 * A condition about a variable the context lacks (absent or null) never holds — except that this is exactly
 * what `exists` asks — so `neq` reads "present and different".
 */
export function evaluateConditions(
  conditions: readonly Condition[],
  context: Readonly<Record<string, ContextValue>>,
): boolean {
  return conditions.every((c) => holds(c, context));
}

function holds(condition: Condition, context: Readonly<Record<string, ContextValue>>): boolean {
  const value = Object.hasOwn(context, condition.variable) ? context[condition.variable] : undefined;
  if (value === undefined || value === null) return false;
  switch (condition.operator) {
    case 'exists':
      return true;
    case 'eq':
      return same(value, condition.value);
    case 'neq':
      return !same(value, condition.value);
    case 'in':
      return condition.value.some((candidate) => same(value, candidate));
    case 'gt': {
      const n = numeric(value);
      return n !== null && n > condition.value;
    }
    case 'lt': {
      const n = numeric(value);
      return n !== null && n < condition.value;
    }
    default: {
      const unreachable: never = condition;
      throw new Error(`Unknown condition ${JSON.stringify(unreachable)}`);
    }
  }
}

/** Strict equality, except that a number equals its decimal string form: context often arrives as text. */
function same(a: ContextValue, b: ContextValue): boolean {
  if (a === b) return true;
  if (typeof a === 'number' && typeof b === 'string') return numeric(b) === a;
  if (typeof a === 'string' && typeof b === 'number') return numeric(a) === b;
  return false;
}

// Decimal notation only: Number() would also read "", " ", "0x1f" and "Infinity" as numbers.
const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

function numeric(value: ContextValue): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' && DECIMAL.test(value.trim())) return Number(value);
  return null;
}
