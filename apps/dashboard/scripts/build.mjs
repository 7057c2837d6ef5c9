// Builds the dashboard into dist/apps/dashboard (served by the gateway at /): API types from the gateway's
// OpenAPI document first, a type check of the TypeScript modules against them, then the Vite build (which
// compiles the components). Run by `npm run build` and by `nx build dashboard`.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { build } from 'vite';
import { APP, ROOT, generateApiTypes } from './openapi.mjs';

await generateApiTypes();
const tsc = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(APP, 'tsconfig.json')], {
  stdio: 'inherit',
});
if (tsc.status !== 0) {
  console.error('dashboard: type check failed');
  process.exit(1);
}
await build({ configFile: join(APP, 'vite.config.mjs'), logLevel: process.env.VITE_LOG_LEVEL ?? 'warn' });
console.log('dashboard: built into dist/apps/dashboard');
