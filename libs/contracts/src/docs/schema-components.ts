import { z } from 'zod';

export type JsonSchema = { [key: string]: unknown };

const COMPONENTS = '#/components/schemas/';
// Values of these keywords are data, not schemas: a `$ref` key inside a default is not a reference.
const DATA_KEYWORDS = new Set(['const', 'default', 'enum', 'examples']);
// Under these the keys are names (a property may well be called "default") and every value is a schema.
const NAMED_SCHEMAS = new Set(['properties', 'patternProperties', 'definitions']);

/**
 * Turns zod schemas into schemas of one AsyncAPI document. AsyncAPI 3.0's Schema Object extends JSON Schema
 * draft-07, so that is the dialect; a schema named with `.meta({ id })` becomes one entry of
 * `components.schemas` that every use refers to, instead of a copy under each message.
 */
export class SchemaComponents {
  readonly schemas: Record<string, JsonSchema> = {};

  /**
   * `io: 'input'` for what callers send (defaults make fields optional, coerced fields take their input type),
   * `'output'` for what the platform sends.
   */
  of(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
    const json = z.toJSONSchema(schema, { target: 'draft-07', io, unrepresentable: 'throw' }) as JsonSchema;
    const { $schema: _dialect, definitions, ...root } = json;
    for (const [name, definition] of Object.entries((definitions ?? {}) as Record<string, JsonSchema>)) {
      this.named(name, rewriteRefs(definition));
    }
    return rewriteRefs(root);
  }

  /** Keeps `schema` as `components.schemas[name]` and answers a reference to it. */
  named(name: string, schema: JsonSchema): JsonSchema {
    const known = this.schemas[name];
    // The same name for two shapes (a named schema whose input and output differ, say) would be a lie in one place.
    if (known && JSON.stringify(known) !== JSON.stringify(schema)) {
      throw new Error(`Two different schemas are named "${name}"`);
    }
    this.schemas[name] = schema;
    return { $ref: COMPONENTS + name };
  }
}

function rewriteRefs(node: JsonSchema): JsonSchema {
  const out: JsonSchema = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === '$ref' && typeof value === 'string' && value.startsWith('#/definitions/')) {
      out[key] = COMPONENTS + value.slice('#/definitions/'.length);
    } else if (DATA_KEYWORDS.has(key)) {
      out[key] = value;
    } else if (NAMED_SCHEMAS.has(key) && typeof value === 'object' && value !== null) {
      out[key] = Object.fromEntries(Object.entries(value).map(([name, child]) => [name, rewriteValue(child)]));
    } else {
      out[key] = rewriteValue(value);
    }
  }
  return out;
}

function rewriteValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(rewriteValue);
  if (typeof value === 'object' && value !== null) return rewriteRefs(value as JsonSchema);
  return value;
}
