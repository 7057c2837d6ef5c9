import { problem, ProblemError } from '@platform/contracts';
import type { FastifyInstance } from 'fastify';

/** Deeper than any contract needs, shallow enough that nothing downstream recurses into a stack overflow. */
export const MAX_JSON_DEPTH = 64;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPENERS = new Set([0x5b, 0x7b]); // [ {
const CLOSERS = new Set([0x5d, 0x7d]); // ] }

/** Whether JSON text nests arrays and objects deeper than `limit`: one pass, brackets inside strings ignored. */
export function nestedDeeperThan(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
    } else if (c === QUOTE) inString = true;
    else if (OPENERS.has(c)) {
      if (++depth > limit) return true;
    } else if (CLOSERS.has(c)) depth--;
  }
  return false;
}

/**
 * Fastify's JSON parser (with its prototype-poisoning checks) behind a depth check: JSON.parse copes with deep
 * nesting, but what walks the value afterwards (validation, hashing, serialising for the bus) may not.
 */
export function useJsonBodyParser(fastify: FastifyInstance): void {
  const parse = fastify.getDefaultJsonParser('error', 'error');
  fastify.removeContentTypeParser('application/json');
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = body.toString(); // a string already: parseAs 'string'
    if (nestedDeeperThan(text, MAX_JSON_DEPTH)) {
      const message = `more than ${MAX_JSON_DEPTH} nested arrays or objects`;
      done(new ProblemError(problem(400, `The body is nested too deeply: ${message}`, [{ field: '(body)', message }])));
      return;
    }
    parse(request, text, done);
  });
}
