import { EventStoreUnavailableError } from '../errors';

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'EAI_AGAIN',
]);
// SQLSTATEs meaning the server went away or refuses work, as opposed to a problem with the statement.
const UNAVAILABLE_SQLSTATES = new Set([
  '57P01',
  '57P02',
  '57P03',
  '53300',
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
  '3D000', // the database is gone
]);

function codeOf(err: unknown): string | undefined {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** Whether `err` means PostgreSQL cannot be reached or refuses work (as opposed to a problem with a statement). */
export function isConnectionError(err: unknown): boolean {
  if (err instanceof EventStoreUnavailableError) return true;
  const code = codeOf(err);
  // Class 08 is "connection exception" as a whole.
  if (code && (NETWORK_CODES.has(code) || UNAVAILABLE_SQLSTATES.has(code) || code.startsWith('08'))) return true;
  const message = err instanceof Error ? err.message : '';
  // node-postgres reports a dropped socket without a code.
  return /Connection terminated|not queryable|timeout exceeded when trying to connect|Client was closed/i.test(message);
}

export function toUnavailable(err: unknown): unknown {
  return isConnectionError(err) && !(err instanceof EventStoreUnavailableError)
    ? new EventStoreUnavailableError(err)
    : err;
}

export function isUniqueViolation(err: unknown, constraint?: string): boolean {
  if (codeOf(err) !== '23505') return false;
  return constraint === undefined || (err as { constraint?: string }).constraint === constraint;
}

/** The value a unique index refused (from the server's detail), when `err` violates `constraint`. */
export function uniqueViolationValue(err: unknown, constraint: string): string | undefined {
  if (!isUniqueViolation(err, constraint)) return undefined;
  return /\)=\((.*)\) already exists/.exec((err as { detail?: string }).detail ?? '')?.[1] ?? '';
}

export function isDeadlock(err: unknown): boolean {
  return codeOf(err) === '40P01';
}
