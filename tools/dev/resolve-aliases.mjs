#!/usr/bin/env node
// Rewrites the @platform/* imports in one project's compiled output (dist/<project root>) into relative paths,
// with tsc-alias and the workspace build's tsconfig, so a per-project build (`nx build <project>`) produces the
// same files as `npm run build`. Only that project's files are touched: other builds may be running.
//   node tools/dev/resolve-aliases.mjs libs/messaging
import fs from 'node:fs';
import path from 'node:path';
import { prepareSingleFileReplaceTscAliasPaths } from 'tsc-alias';
import { REPO_ROOT } from './sys.mjs';

const projectRoot = process.argv[2];
if (!projectRoot) {
  console.error('usage: resolve-aliases.mjs <project root>');
  process.exit(64);
}
const outDir = path.join(REPO_ROOT, 'dist', projectRoot);
if (!fs.existsSync(outDir)) {
  console.error(`resolve-aliases: ${path.relative(REPO_ROOT, outDir)} does not exist; compile the project first`);
  process.exit(1);
}
const replace = await prepareSingleFileReplaceTscAliasPaths({
  configFile: path.join(REPO_ROOT, 'tsconfig.build.json'),
});
const compiled = /\.(js|d\.ts)$/;
for (const entry of fs.readdirSync(outDir, { recursive: true, withFileTypes: true })) {
  const filePath = path.join(entry.parentPath ?? entry.path, entry.name);
  if (!entry.isFile() || !compiled.test(entry.name)) continue;
  const fileContents = fs.readFileSync(filePath, 'utf8');
  const replaced = replace({ fileContents, filePath });
  if (replaced !== fileContents) fs.writeFileSync(filePath, replaced);
}
