// The API types of the dashboard, generated (never written by hand): the OpenAPI document that the gateway's
// route tables produce, read from the gateway's build, turned into TypeScript by openapi-typescript.
//   node apps/dashboard/scripts/openapi.mjs   → apps/dashboard/src/api/generated/{openapi.json,api.d.ts}
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';

export const APP = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const ROOT = resolve(APP, '..', '..');

export async function generateApiTypes() {
  const gateway = join(ROOT, 'dist', 'apps', 'gateway', 'src');
  if (!existsSync(join(gateway, 'app.module.js'))) {
    throw new Error(`${relative(ROOT, gateway)}/app.module.js is missing: build the gateway first (npm run build)`);
  }
  const require = createRequire(import.meta.url);
  const { ROUTES } = require(join(gateway, 'app.module.js'));
  const { buildOpenApiDocument } = require(join(gateway, 'openapi', 'document.js'));
  const document = buildOpenApiDocument(ROUTES);
  const out = join(APP, 'src', 'api', 'generated');
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'openapi.json'), JSON.stringify(document, null, 2) + '\n');
  const types = astToString(await openapiTS(document));
  writeFileSync(join(out, 'api.d.ts'), '// Generated from the gateway\'s OpenAPI document: do not edit.\n' + types);
  return Object.keys(document.paths).length;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const paths = await generateApiTypes();
  console.log(`dashboard: API types generated from ${paths} paths`);
}
