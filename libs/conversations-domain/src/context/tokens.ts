import { encode as encodeCl100k } from 'gpt-tokenizer/cjs/encoding/cl100k_base';
import { encode as encodeO200k } from 'gpt-tokenizer/cjs/encoding/o200k_base';

export type TokenEncoding = 'o200k_base' | 'cl100k_base';

// Models we cannot place (other vendors, local models) are counted with the encoding of current OpenAI models:
// an estimate, but a stable one, and close for most modern tokenizers.
const O200K = /^(gpt-4o|gpt-4\.1|gpt-4\.5|gpt-5|chatgpt-4o|o1|o3|o4|gpt-oss)\b/;
const CL100K = /^(gpt-4|gpt-3\.5|gpt-35|text-embedding-3|text-embedding-ada-002)/;

/** The encoding a model family counts tokens with; a `provider/` or `ft:` prefix is looked through. */
export function encodingForModel(model: string): TokenEncoding {
  const name = model.trim().toLowerCase().replace(/^.*\//, '').replace(/^ft:/, '');
  if (O200K.test(name)) return 'o200k_base';
  if (CL100K.test(name)) return 'cl100k_base';
  return 'o200k_base';
}

// Special-token markers ("<|endoftext|>") in a user's text are counted as the plain text they are in a prompt.
const PLAIN = { disallowedSpecial: new Set<string>() };
const ENCODERS = { o200k_base: encodeO200k, cl100k_base: encodeCl100k } as const;

/** Tokens of `text` with the tokenizer of `model`'s family. */
export function countTokens(text: string, model: string): number {
  return text === '' ? 0 : ENCODERS[encodingForModel(model)](text, PLAIN).length;
}

/** What every chat message costs beyond its text in OpenAI's chat format (role and separators). */
export const MESSAGE_OVERHEAD_TOKENS = 4;

export interface CountableMessage {
  content: string;
  toolCalls?: readonly { name: string; arguments: string }[] | null;
}

/** A message's tokens as the model sees it: its text, its tool calls, and the per-message overhead. */
export function countMessageTokens(message: CountableMessage, model: string): number {
  const calls = (message.toolCalls ?? []).reduce(
    (n, c) => n + countTokens(c.name, model) + countTokens(c.arguments, model),
    0,
  );
  return MESSAGE_OVERHEAD_TOKENS + countTokens(message.content, model) + calls;
}
