// Builds the dashboard into dist/apps/dashboard (served by the gateway at /): API types from the gateway's
// OpenAPI document first, a type check of the TypeScript modules against them, then the Vite build (which
// compiles the components). Run by `npm run build` and by `nx build dashboard`.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { build } from 'vite';
import { APP, ROOT, generateApiTypes } from './openapi.mjs';

const OUT = join(ROOT, 'dist', 'apps', 'dashboard');
const STAMP = join(OUT, '.build-inputs');

/** A hash of everything the build reads: the app's files (the generated API types included) and the lockfile. */
function inputsHash() {
  const hash = createHash('sha256');
  const files = readdirSync(APP, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && !/(^|\/)(e2e|node_modules)(\/|$)/.test(relative(APP, e.parentPath ?? e.path)))
    .map((e) => join(e.parentPath ?? e.path, e.name))
    .sort();
  for (const file of [...files, join(ROOT, 'package-lock.json')])
    hash.update(relative(ROOT, file)).update(readFileSync(file));
  return hash.digest('hex');
}

await generateApiTypes();
// Unchanged inputs: the built files stay as they are. A rebuild empties the output first, which a gateway serving
// it (or a browser test running) at that moment would see as a dashboard that is gone.
const inputs = inputsHash();
if (existsSync(join(OUT, 'index.html')) && existsSync(STAMP) && readFileSync(STAMP, 'utf8') === inputs) {
  console.log('dashboard: up to date in dist/apps/dashboard');
  process.exit(0);
}
const tsc = spawnSync(
  process.execPath,
  [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(APP, 'tsconfig.json')],
  {
    stdio: 'inherit',
  },
);
if (tsc.status !== 0) {
  console.error('dashboard: type check failed');
  process.exit(1);
}
await build({ configFile: join(APP, 'vite.config.mjs'), logLevel: process.env.VITE_LOG_LEVEL ?? 'warn' });
writeFileSync(STAMP, inputs);
console.log('dashboard: built into dist/apps/dashboard');
