import type { ContextValue, PromptVariable } from '@platform/contracts';
import Handlebars from 'handlebars';
import { InvalidTemplateError, MissingVariablesError } from './prompt.errors';
import { templateVariables } from './template-variables';

// A private environment: helpers or partials registered on the global Handlebars elsewhere never reach prompts.
const env = Handlebars.create();
// Prompts are plain text for a model, not HTML; strict makes a variable that was not supplied an error, never "".
const COMPILE_OPTIONS = { noEscape: true, strict: true } as const;
// Composition renders the same few templates on every request; compiling is the slow part. Keyed by the text,
// so a new version is simply a new entry and old entries age out.
const CACHE_SIZE = 200;

interface CompiledTemplate {
  variables: readonly string[];
  render: Handlebars.TemplateDelegate;
}

const cache = new Map<string, CompiledTemplate>();

/** Checks a template and lists the top-level variables it reads, in order of first use. */
export function parseTemplate(template: string): { variables: string[] } {
  return { variables: [...compiled(template).variables] };
}

/**
 * Renders with `values` over the declared defaults. An optional variable with neither renders as empty; a
 * required one (declared, or used without being declared) with neither is missing, and all missing names are
 * reported together.
 */
export function renderTemplate(
  template: string,
  declared: readonly PromptVariable[],
  values: Readonly<Record<string, ContextValue>>,
): string {
  const { variables, render } = compiled(template);
  const byName = new Map(declared.map((v) => [v.name, v]));
  const context: Record<string, ContextValue> = {};
  const missing: string[] = [];
  for (const name of new Set([...byName.keys(), ...variables])) {
    const variable = byName.get(name);
    const value = Object.hasOwn(values, name) && values[name] != null ? values[name] : variable?.default;
    if (value !== undefined) context[name] = value;
    else if (variable && !variable.required) context[name] = '';
    else missing.push(name);
  }
  if (missing.length > 0) throw new MissingVariablesError(missing);
  return render(context);
}

function compiled(template: string): CompiledTemplate {
  const hit = cache.get(template);
  if (hit) {
    cache.delete(template); // re-inserting keeps the Map's order least recently used first
    cache.set(template, hit);
    return hit;
  }
  const ast = parse(template);
  const entry: CompiledTemplate = { variables: templateVariables(ast), render: env.compile(ast, COMPILE_OPTIONS) };
  cache.set(template, entry);
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  return entry;
}

function parse(template: string): ReturnType<typeof Handlebars.parse> {
  try {
    return env.parse(template);
  } catch (err) {
    throw syntaxError(err);
  }
}

interface LexerLocation {
  first_line: number;
  first_column: number;
}

/**
 * Handlebars reports two kinds of errors. Its own (a block closed by the wrong name) carry `lineNumber` and a
 * 0-based `column`. The generated parser's carry only "on line N" in the message; the position of the token it
 * stopped at is still in the shared lexer, which is read right away, before anything else can parse.
 */
function syntaxError(err: unknown): InvalidTemplateError {
  const message = err instanceof Error ? err.message : String(err);
  const own = err as { lineNumber?: unknown; column?: unknown };
  if (typeof own.lineNumber === 'number' && typeof own.column === 'number') {
    return new InvalidTemplateError(own.lineNumber, own.column + 1, message.split('\n')[0].replace(/ - \d+:\d+$/, ''));
  }
  const lexer = (Handlebars as unknown as { Parser?: { lexer?: { yylloc?: LexerLocation } } }).Parser?.lexer?.yylloc;
  const line = lexer?.first_line ?? Number(/line (\d+)/.exec(message)?.[1] ?? 1);
  return new InvalidTemplateError(line, (lexer?.first_column ?? 0) + 1, describe(message));
}

function describe(message: string): string {
  if (message.startsWith('Lexical error')) return 'unrecognised text (an unclosed comment or tag?)';
  const expecting = message.split('\n').at(-1) ?? message;
  if (expecting.endsWith("got 'EOF'")) return 'the template ends inside a tag or an open block';
  return expecting.replace(/^Expecting /, 'expected ').replace(/, got '([^']*)'$/, ", found '$1'");
}
