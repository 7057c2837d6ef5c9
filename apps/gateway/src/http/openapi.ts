import { applyDecorators, type INestApplication } from '@nestjs/common';
import { ApiBody, ApiQuery, ApiResponse, DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { z } from 'zod';

type JsonSchema = Record<string, unknown>;

/** OpenAPI schemas come from the same zod schemas that validate, so the document cannot drift from the code. */
export function jsonSchema(schema: z.ZodType): JsonSchema {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  return rest;
}

const problemSchema: JsonSchema = {
  type: 'object',
  required: ['type', 'title', 'status'],
  properties: {
    type: { type: 'string' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    errors: {
      type: 'array',
      items: { type: 'object', properties: { field: { type: 'string' }, message: { type: 'string' } } },
    },
  },
};

const problems = [400, 401, 404, 409, 412, 413, 415, 422, 429, 503, 504].map((status) =>
  ApiResponse({
    status,
    description: 'RFC 9457 problem details',
    content: { 'application/problem+json': { schema: problemSchema } },
  }),
);

export function ApiZod(opts: { body?: z.ZodType; query?: z.ZodType; status?: number }) {
  const decorators: MethodDecorator[] = [
    ApiResponse({ status: opts.status ?? 200, description: 'Success' }),
    ...problems,
  ];
  if (opts.body) decorators.push(ApiBody({ schema: jsonSchema(opts.body) }));
  for (const [name, field] of Object.entries((opts.query as z.ZodObject | undefined)?.shape ?? {})) {
    const schema = field as z.ZodType;
    decorators.push(ApiQuery({ name, required: !schema.safeParse(undefined).success, schema: jsonSchema(schema) }));
  }
  return applyDecorators(...decorators);
}

export function setupOpenApi(app: INestApplication): void {
  const config = new DocumentBuilder()
    .setTitle('AI assistant platform')
    .setDescription('Create, configure, version, clone and search AI assistants. Errors are RFC 9457 problem+json.')
    .setVersion('1')
    .addBearerAuth()
    .build();
  const document = SwaggerModule.createDocument(app, config);
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
}
