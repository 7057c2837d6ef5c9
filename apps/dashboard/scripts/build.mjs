// Builds the dashboard into dist/apps/dashboard (served by the gateway at /): API types from the gateway's
// OpenAPI document first, then the Vite build. Run by `npm run build` and by `nx build dashboard`.
import { join } from 'node:path';
import { build } from 'vite';
import { APP, generateApiTypes } from './openapi.mjs';

await generateApiTypes();
await build({ configFile: join(APP, 'vite.config.mjs'), logLevel: process.env.VITE_LOG_LEVEL ?? 'warn' });
console.log('dashboard: built into dist/apps/dashboard');
