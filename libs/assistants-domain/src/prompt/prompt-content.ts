import type { PromptVariable } from '@platform/contracts';
import { InvalidPromptError } from './prompt.errors';
import type { PromptContent } from './prompt.events';
import { parseTemplate } from './template';
import { VARIABLE_NAME } from './template-variables';

/**
 * The content of a new version, checked and completed: the template must render with single values, and every
 * variable it uses is declared — declared ones keep their order, the ones used without a declaration follow as
 * required, in order of first use. Variables are written with their keys in one order, so comparing two
 * versions as JSON compares what they say, not how the request spelled them.
 */
export function validContent(c: PromptContent): PromptContent {
  const name = c.name.trim();
  if (name.length < 1 || name.length > 255) throw new InvalidPromptError('name', 'name must be 1–255 characters');
  if (c.template.trim() === '') throw new InvalidPromptError('template', 'template must not be empty');
  const declared = new Set<string>();
  c.variables.forEach((v, i) => {
    if (!VARIABLE_NAME.test(v.name)) {
      throw new InvalidPromptError(`variables.${i}.name`, `"${v.name}" is not a valid variable name`);
    }
    if (declared.has(v.name))
      throw new InvalidPromptError(`variables.${i}.name`, `variable "${v.name}" is declared twice`);
    declared.add(v.name);
  });
  const used = parseTemplate(c.template).variables;
  const variables: PromptVariable[] = [
    ...c.variables.map(canonical),
    ...used.filter((n) => !declared.has(n)).map((n) => ({ name: n, required: true })),
  ];
  return {
    name,
    description: c.description,
    tags: [...new Set(c.tags.map((t) => t.trim()))],
    template: c.template,
    variables,
  };
}

/**
 * The declarations a revision keeps when it changes the template without restating the variables. A bare
 * declaration (a name, required, nothing else) is exactly what adding an undeclared variable produces; once
 * the new template stops using it, keeping it would make every render demand a value nobody reads. Declarations
 * with a default or a description were written by someone and stay.
 */
export function carriedVariables(previous: readonly PromptVariable[], template: string): PromptVariable[] {
  const used = new Set(parseTemplate(template).variables);
  return previous.filter((v) => used.has(v.name) || !isBare(v));
}

const isBare = (v: PromptVariable): boolean =>
  v.required !== false && v.default === undefined && v.description === undefined;

function canonical(v: PromptVariable): PromptVariable {
  return {
    name: v.name,
    required: v.required ?? true,
    ...(v.default !== undefined ? { default: v.default } : {}),
    ...(v.description !== undefined ? { description: v.description } : {}),
  };
}
