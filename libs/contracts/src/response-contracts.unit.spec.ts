import { z } from 'zod';
import { AnalyticsOperations } from './analytics/analytics.operations';
import { AssistantOperations } from './assistants/assistant.operations';
import { ConversationOperations } from './conversations/conversation.operations';
import { DeploymentOperations } from './deployments/deployment.operations';
import { listAssistantsQuerySchema, searchAssistantsQuerySchema } from './assistants/assistant.schemas';
import { problem, problemSchema } from './problem';
import { PromptOperations } from './prompts/prompt.operations';
import { listPromptsQuerySchema } from './prompts/prompt.schemas';

const operations = {
  ...AssistantOperations,
  ...PromptOperations,
  ...ConversationOperations,
  ...DeploymentOperations,
  ...Object.fromEntries(Object.entries(AnalyticsOperations).map(([k, op]) => [`analytics.${k}`, op])),
};
type JsonSchema = { [key: string]: unknown };

/** Paths of schema nodes with a default or with named properties that admit others. */
function looseOrDefaulted(node: unknown, path = '#'): string[] {
  if (typeof node !== 'object' || node === null) return [];
  const schema = node as JsonSchema;
  const found: string[] = [];
  if ('default' in schema) found.push(`${path} has a default`);
  if (schema.properties && schema.additionalProperties !== false) found.push(`${path} admits unnamed fields`);
  for (const [key, value] of Object.entries(schema)) {
    // Under `properties` and `$defs` the keys are names (a property may be called "default"), the values schemas.
    const named = key === 'properties' || key === '$defs';
    const children = named ? Object.entries(value as JsonSchema).map(([k, v]) => [`${key}/${k}`, v]) : [[key, value]];
    for (const [k, child] of children) found.push(...looseOrDefaulted(child, `${path}/${k}`));
  }
  return found;
}

const names = () => Object.keys(z.toJSONSchema(z.globalRegistry).schemas);

describe('response contracts', () => {
  it('give every operation a response schema', () => {
    const without = Object.entries(operations).filter(([, o]) => !o.response);
    expect(without.map(([name]) => name)).toEqual([]);
  });

  it('name the schemas an OpenAPI document refers to', () => {
    expect(names()).toEqual(
      expect.arrayContaining([
        'Assistant',
        'AssistantPage',
        'AssistantUsage',
        'Persona',
        'Configuration',
        'SearchHitPage',
        'AssistantHistoryEntryPage',
        'CatalogEntryPage',
        'Prompt',
        'PromptPage',
        'PromptVersionPage',
        'PromptLink',
        'PromptLinkPage',
        'PromptSuggestionPage',
        'LinkedAssistantPage',
        'SystemPrompt',
        'SystemPromptPart',
        'Problem',
        'FieldError',
      ]),
    );
    const uri = (id: string) => `#/components/schemas/${id}`;
    const { schemas } = z.toJSONSchema(z.globalRegistry, { uri });
    expect(schemas.Assistant.properties?.persona).toEqual({ $ref: '#/components/schemas/Persona' });
    expect(schemas.AssistantPage.properties?.data).toEqual({ type: 'array', items: { $ref: uri('Assistant') } });
  });

  it('describe what is sent: no transforms or defaults, and objects closed to fields they do not name', () => {
    for (const [name, operation] of Object.entries(operations)) {
      // Transforms cannot be represented: this throws for a response that would reshape what it checks.
      const schema = z.toJSONSchema(operation.response!, { unrepresentable: 'throw' });
      expect([name, looseOrDefaulted(schema)]).toEqual([name, []]);
    }
    const loose = z.looseObject({ a: z.strictObject({ default: z.number().default(1) }) });
    expect(looseOrDefaulted(z.toJSONSchema(loose))).toEqual([
      '# admits unnamed fields',
      '#/properties/a/properties/default has a default',
    ]);
  });

  it('take a problem with extension members and the instance the gateway adds, and refuse loose field errors', () => {
    const p = { ...problem(400, 'bad', [{ field: 'name', message: 'required' }]), instance: '/api/v1/x', line: 2 };
    expect(problemSchema.safeParse(p).success).toBe(true);
    expect(problemSchema.safeParse({ ...p, instance: undefined }).success).toBe(false);
    expect(problemSchema.safeParse({ ...p, errors: [{ field: 'name' }] }).success).toBe(false);
  });
});

describe('the tag filter', () => {
  const tagOf = (schema: z.ZodType, query: Record<string, unknown>) => {
    const result = schema.safeParse(query);
    return result.success ? (result.data as { tag?: string[] }).tag : result.error.issues.map((i) => i.path.join('.'));
  };

  it('is `tag`, one value or repeated, always an array, on every list that filters by tags', () => {
    for (const schema of [listAssistantsQuerySchema, listPromptsQuerySchema, searchAssistantsQuerySchema]) {
      const q = schema === searchAssistantsQuerySchema ? { q: 'x' } : {};
      expect(tagOf(schema, { ...q, tag: 'a' })).toEqual(['a']);
      expect(tagOf(schema, { ...q, tag: ['a', ' b '] })).toEqual(['a', 'b']);
      expect(tagOf(schema, q)).toBeUndefined();
      expect(tagOf(schema, { ...q, tag: Array.from({ length: 33 }, (_, i) => `t${i}`) })).toEqual(['tag']);
      expect(tagOf(schema, { ...q, tag: ['ok', 'x'.repeat(65)] })).toEqual(['tag.1']);
      expect(tagOf(schema, { ...q, tag: '' })).toEqual(['tag']);
      expect(tagOf(schema, { ...q, tags: 'a,b' })).toEqual(['']);
    }
  });
});
