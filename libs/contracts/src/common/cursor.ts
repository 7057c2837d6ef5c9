import { InvalidInputError } from './schemas';

// Opaque pagination cursors: base64url JSON, so clients cannot depend on what is inside.
export function encodeCursor(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

/** Decodes a cursor from a previous page; one that does not decode is a 400 on `cursor`. */
export function decodeCursor<T>(cursor: string | undefined, isValid: (v: unknown) => v is T): T | undefined {
  if (cursor === undefined) return undefined;
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (isValid(value)) return value;
  } catch {
    // reported below
  }
  throw new InvalidInputError([{ field: 'cursor', message: 'not a cursor from a previous page' }]);
}
