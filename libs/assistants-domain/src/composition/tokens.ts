import { Tiktoken } from 'js-tiktoken/lite';
import cl100kBase from 'js-tiktoken/ranks/cl100k_base';
import o200kBase from 'js-tiktoken/ranks/o200k_base';

export type TokenEncoding = 'o200k_base' | 'cl100k_base';

/**
 * Models we cannot place (other vendors, local models) are counted with the encoding of current OpenAI models:
 * an estimate, but a stable one, and close for most modern tokenizers.
 */
export const DEFAULT_ENCODING: TokenEncoding = 'o200k_base';

// js-tiktoken's own table puts gpt-4.5 with the o200k models, so it is listed with them.
const O200K = /^(gpt-4o|gpt-4\.1|gpt-4\.5|gpt-5|chatgpt-4o|o1|o3|o4)\b/;
const CL100K = /^(gpt-4|gpt-3\.5|gpt-35|text-embedding-3|text-embedding-ada-002)/;

/** The encoding a model counts tokens with; a `provider/` or `ft:` prefix is looked through. */
export function encodingForModel(model: string): TokenEncoding {
  const name = model.trim().toLowerCase().replace(/^.*\//, '').replace(/^ft:/, '');
  if (O200K.test(name)) return 'o200k_base';
  if (CL100K.test(name)) return 'cl100k_base';
  return DEFAULT_ENCODING;
}

const RANKS = { o200k_base: o200kBase, cl100k_base: cl100kBase } as const;
// Building an encoder parses its whole rank table (about a second for o200k), so each is built once, on first use.
const encoders = new Map<TokenEncoding, Tiktoken>();

function encoder(encoding: TokenEncoding): Tiktoken {
  let e = encoders.get(encoding);
  if (!e) {
    e = new Tiktoken(RANKS[encoding]);
    encoders.set(encoding, e);
  }
  return e;
}

/**
 * Tokens in `text` for `model`. Special-token markers such as "<|endoftext|>" are counted as the plain text
 * they are in a prompt, instead of being refused.
 */
export function countTokens(text: string, model: string): { count: number; encoding: TokenEncoding } {
  const encoding = encodingForModel(model);
  if (text === '') return { count: 0, encoding };
  // Composition counts the same persona and prompt texts over and over; encoding is the costly part.
  const key = `${encoding}\u0000${text}`;
  let count = counted.get(key);
  if (count === undefined) {
    count = encoder(encoding).encode(text, [], []).length;
    if (counted.size >= MAX_COUNTED) counted.delete(counted.keys().next().value as string);
    counted.set(key, count);
  } else {
    // Refresh its place so the texts in use stay cached (least recently used goes first).
    counted.delete(key);
    counted.set(key, count);
  }
  return { count, encoding };
}

const MAX_COUNTED = 2000;
const counted = new Map<string, number>();
