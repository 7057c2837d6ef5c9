import type Handlebars from 'handlebars';
import { InvalidTemplateError } from './prompt.errors';

type Program = ReturnType<typeof Handlebars.parse>;
type Node = hbs.AST.Node;
type Statement = hbs.AST.Statement;
type Expression = hbs.AST.Expression;
type Path = hbs.AST.PathExpression;
type Call = { params: Expression[]; hash?: hbs.AST.Hash };

/** The same rule as the contracts' variable names, so every variable a template reads can also be supplied. */
export const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

// Block helpers a prompt may use, and whether the block body runs against a new context (the item).
const BLOCK_HELPERS: Readonly<Record<string, boolean>> = { if: false, unless: false, each: true, with: true };
// Handlebars' built-in helpers win over variables of the same name, so such a name can never be a variable.
const BUILT_IN_HELPERS = new Set([
  'blockHelperMissing',
  'each',
  'helperMissing',
  'if',
  'log',
  'lookup',
  'unless',
  'with',
]);
const SUPPORTED = 'only {{name}} placeholders and #if, #unless, #each and #with blocks are supported';

/**
 * The top-level variables a template reads, in order of first use. Variables are single values (strings,
 * numbers, booleans), so anything that cannot render with such values — helper calls, partials, fields of a
 * variable — is refused here, when the prompt is saved, rather than failing later while composing.
 *
 * `depth` counts the blocks that change the context (#each, #with): a path reaches the top level
 * when its `../` count equals it, and `@root.name` always does.
 */
export function templateVariables(program: Program): string[] {
  const found = new Set<string>();
  walkProgram(program, 0, found);
  return [...found];
}

function walkProgram(program: hbs.AST.Program | undefined, depth: number, found: Set<string>): void {
  for (const statement of program?.body ?? []) walkStatement(statement, depth, found);
}

function walkStatement(node: Statement, depth: number, found: Set<string>): void {
  switch (node.type) {
    case 'ContentStatement':
    case 'CommentStatement':
      return;
    case 'MustacheStatement': {
      const m = node as hbs.AST.MustacheStatement;
      if (isCall(m)) throw fail(m, `unknown helper "${nameOf(m.path)}"; ${SUPPORTED}`);
      readPath(m.path, depth, found);
      return;
    }
    case 'BlockStatement': {
      const b = node as hbs.AST.BlockStatement;
      const helper = b.path.type === 'PathExpression' ? b.path.original : '';
      const changesContext = BLOCK_HELPERS[helper];
      if (changesContext !== undefined) {
        if (b.params.length !== 1) throw fail(b, `#${helper} takes exactly one variable`);
        walkArguments(b, depth, found);
      } else if (isCall(b)) {
        throw fail(b, `unknown block helper "${helper}"; ${SUPPORTED}`);
      } else {
        // A section, {{#name}}…{{/name}}. Over a single value it only renders usefully for `true`, which keeps
        // the context, so it reads like #if.
        readPath(b.path, depth, found);
      }
      walkProgram(b.program, changesContext ? depth + 1 : depth, found);
      walkProgram(b.inverse, depth, found); // {{else}} runs in the enclosing context
      return;
    }
    case 'PartialStatement':
    case 'PartialBlockStatement':
      throw fail(node, `partials are not supported; ${SUPPORTED}`);
    default:
      throw fail(node, `${node.type} is not supported; ${SUPPORTED}`);
  }
}

function walkArguments(call: Call, depth: number, found: Set<string>): void {
  const values = [...call.params, ...(call.hash?.pairs ?? []).map((pair) => pair.value)];
  for (const value of values) {
    if (value.type === 'PathExpression') readPath(value as Path, depth, found);
    else if (value.type === 'SubExpression') throw fail(value, `helper calls are not supported; ${SUPPORTED}`);
  }
}

function readPath(expression: Path | hbs.AST.Literal, depth: number, found: Set<string>): void {
  if (expression.type !== 'PathExpression') throw fail(expression, 'a placeholder must name a variable');
  const path = expression as Path;
  let parts = path.parts;
  if (path.data) {
    if (parts[0] !== 'root' || parts.length < 2) return; // @index, @key, @first…: data of the loop, not variables
    parts = parts.slice(1);
  } else if (path.depth !== depth) {
    return; // relative to the item of an enclosing #each or #with
  }
  if (parts.length === 0) return; // {{this}}
  if (parts.length > 1)
    throw fail(path, `variables hold single values, so "${path.original}" cannot read a field of one`);
  const [name] = parts;
  if (!VARIABLE_NAME.test(name)) {
    throw fail(path, `"${name}" is not a valid variable name (a letter or _ then letters, digits or _, at most 64)`);
  }
  if (BUILT_IN_HELPERS.has(name)) throw fail(path, `"${name}" is a helper name and cannot be a variable`);
  found.add(name);
}

const isCall = (call: Call): boolean => call.params.length > 0 || (call.hash?.pairs.length ?? 0) > 0;

const nameOf = (expression: Path | hbs.AST.Literal): string =>
  expression.type === 'PathExpression' ? (expression as Path).original : expression.type;

// Handlebars counts columns from 0; people and editors count from 1.
const fail = (node: Node, detail: string) =>
  new InvalidTemplateError(node.loc.start.line, node.loc.start.column + 1, detail);
