import type { INestApplication } from '@nestjs/common';
import { SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { buildOpenApiDocument } from './document';
import type { Route } from '../http/route-table';

/** The OpenAPI document at /api/docs-json and the browsable page at /api/docs, from the route tables. */
export function setupOpenApi(app: INestApplication, routes: readonly Route[]): void {
  const document = buildOpenApiDocument(routes) as unknown as OpenAPIObject;
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
}
