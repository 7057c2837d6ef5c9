// The one place that knows which apps the platform runs: every apps/*/project.json with
// "projectType": "application", backends first and the gateway last (it needs the others to answer).
// PLATFORM_APPS overrides the list: "name" or "name=path/to/entry.js", comma separated.
import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from './sys.mjs';

export const EDGE_APP = 'gateway';

/** @returns {{ name: string, entry: string }[]} entry is an absolute path to the built main.js */
export function listApps({ root = REPO_ROOT, env = process.env } = {}) {
  const apps = env.PLATFORM_APPS ? fromOverride(env.PLATFORM_APPS, root) : fromWorkspace(root);
  const backends = apps.filter((a) => a.name !== EDGE_APP).sort((a, b) => a.name.localeCompare(b.name));
  return [...backends, ...apps.filter((a) => a.name === EDGE_APP)];
}

const builtEntry = (root, dir) => path.join(root, 'dist', 'apps', dir, 'src', 'main.js');

function fromWorkspace(root) {
  const appsDir = path.join(root, 'apps');
  return fs
    .readdirSync(appsDir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) => {
      const file = path.join(appsDir, d.name, 'project.json');
      if (!fs.existsSync(file)) return [];
      const project = JSON.parse(fs.readFileSync(file, 'utf8'));
      return project.projectType === 'application' ? [{ name: d.name, entry: builtEntry(root, d.name) }] : [];
    });
}

function fromOverride(list, root) {
  return list
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean)
    .map((item) => {
      const [name, entry] = item.split('=');
      return { name, entry: entry ? path.resolve(root, entry) : builtEntry(root, name) };
    });
}
