import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { promisify } from 'node:util';
import * as ts from 'typescript';

// Nx only runs the right tasks (`nx affected`, `dependsOn: ["^build"]`, cache inputs "^production") and the
// module-boundary lint rule only sees imports if the project graph has an edge for every import between
// projects, spec files included. This builds the graph the way Nx does and checks it against the source.
const ROOT = join(__dirname, '..');
const SKIP_DIRS = new Set(['node_modules', 'dist', 'coverage', '.nx', '.git']);

interface Graph {
  nodes: Record<string, { data: { root: string; targets: Record<string, unknown> } }>;
  dependencies: Record<string, { source: string; target: string; type: string }[]>;
}

let graph: Graph;
/** Project roots, deepest first, so a file belongs to the innermost project (apps/gateway/e2e before apps/gateway). */
let roots: { name: string; root: string }[];

const projectOf = (file: string): string | undefined =>
  roots.find(({ root }) => file === root || file.startsWith(`${root}/`))?.name;

function tsFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = dir ? `${dir}/${entry.name}` : entry.name;
    if (entry.isDirectory()) return SKIP_DIRS.has(entry.name) ? [] : tsFiles(path);
    return /\.(c|m)?ts$/.test(entry.name) ? [path] : [];
  });
}

/** Workspace path of each tsconfig.base.json alias target: "@platform/messaging" -> "libs/messaging/src/index.ts". */
const aliases: Record<string, string> = Object.fromEntries(
  Object.entries(
    (
      JSON.parse(readFileSync(join(ROOT, 'tsconfig.base.json'), 'utf8')) as {
        compilerOptions: { paths: Record<string, string[]> };
      }
    ).compilerOptions.paths,
  ).map(([alias, [target]]) => [alias, target]),
);

/** Every import of a workspace alias or of a relative path into another project, per file (real imports only). */
function projectImports(file: string): { specifier: string; target: string }[] {
  const { importedFiles } = ts.preProcessFile(readFileSync(join(ROOT, file), 'utf8'), true, true);
  return importedFiles.flatMap(({ fileName: specifier }) => {
    const alias = aliases[specifier];
    if (alias) return [{ specifier, target: alias }];
    if (specifier.startsWith('.')) {
      const target = relative(ROOT, resolve(ROOT, dirname(file), specifier))
        .split(sep)
        .join('/');
      return [{ specifier, target }];
    }
    return [];
  });
}

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'nx-graph-'));
  try {
    const nx = join(ROOT, 'node_modules', '.bin', 'nx');
    const file = join(dir, 'graph.json');
    await promisify(execFile)(nx, ['graph', `--file=${file}`], {
      cwd: ROOT,
      env: { ...process.env, NX_DAEMON: 'false' },
    });
    graph = (JSON.parse(readFileSync(file, 'utf8')) as { graph: Graph }).graph;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  roots = Object.entries(graph.nodes)
    .map(([name, node]) => ({ name, root: node.data.root }))
    .sort((a, b) => b.root.length - a.root.length);
}, 120_000);

describe('the Nx project graph', () => {
  it('knows every project with a project.json', () => {
    expect(roots.map((r) => r.root).sort()).toEqual(findProjectJsons('').sort());
  });

  it('has an edge for every import of another project, spec files included', () => {
    const edges = new Set(
      Object.values(graph.dependencies)
        .flat()
        .map((d) => `${d.source} -> ${d.target}`),
    );
    const missing = new Map<string, string>(); // missing edge -> the first import that implies it
    let imports = 0;
    for (const file of tsFiles('')) {
      const source = projectOf(file);
      if (!source) continue;
      for (const { specifier, target } of projectImports(file)) {
        const targetProject = projectOf(target);
        if (!targetProject || targetProject === source) continue;
        imports++;
        const edge = `${source} -> ${targetProject}`;
        if (!edges.has(edge) && !missing.has(edge)) missing.set(edge, `${edge} (${file} imports '${specifier}')`);
      }
    }
    expect(imports).toBeGreaterThan(0); // the scan itself works
    expect([...missing.values()]).toEqual([]);
  });

  it('has no cycle', () => {
    const cycles: string[] = [];
    const state = new Map<string, 'visiting' | 'done'>();
    const visit = (project: string, path: string[]) => {
      if (state.get(project) === 'done') return;
      if (state.get(project) === 'visiting') {
        cycles.push([...path.slice(path.indexOf(project)), project].join(' -> '));
        return;
      }
      state.set(project, 'visiting');
      for (const { target } of graph.dependencies[project] ?? []) {
        if (graph.nodes[target]) visit(target, [...path, project]);
      }
      state.set(project, 'done');
    };
    for (const project of Object.keys(graph.nodes)) visit(project, []);
    expect(cycles).toEqual([]);
  });
});

describe('Nx targets', () => {
  // `npm test` runs the tests through Nx, so a spec file outside every project (or in a project without the
  // target that runs its kind) would silently never run.
  it("cover every test file: unit and int specs by their project's test target, e2e specs by e2e", () => {
    const uncovered = tsFiles('').flatMap((file) => {
      const kind = /\.(unit|int|e2e)\.spec\.ts$/.exec(file)?.[1];
      if (!kind) return [];
      const target = kind === 'e2e' ? 'e2e' : 'test';
      const project = projectOf(file);
      const targets = project ? graph.nodes[project].data.targets : {};
      return targets[target] ? [] : [`${file}: ${project ?? 'no project'} has no "${target}" target`];
    });
    expect(uncovered).toEqual([]);
  });

  // An e2e suite starts the whole platform from dist/: unless its project depends on every app, Nx may rebuild an
  // app (and rewrite its dist/ files) while the suite is starting that very app.
  it('make every e2e project depend on every app the platform runs', () => {
    const apps = Object.entries(graph.nodes)
      .filter(([, node]) => node.data.root.startsWith('apps/') && !node.data.targets.e2e)
      .map(([name]) => name);
    const missing = Object.entries(graph.nodes)
      .filter(([, node]) => node.data.targets.e2e)
      .flatMap(([name]) => {
        const deps = new Set((graph.dependencies[name] ?? []).map((d) => d.target));
        return apps.filter((app) => !deps.has(app)).map((app) => `${name} does not depend on ${app}`);
      });
    expect(missing).toEqual([]);
  });
});

describe('per-project builds', () => {
  // `nx build <project>` compiles one project against its dependencies' declaration output (TypeScript project
  // references), so its tsconfig.build.json must reference exactly the projects its production code imports.
  it('reference the projects that the production code imports', () => {
    const mismatches: string[] = [];
    for (const { name, root } of roots) {
      const config = join(ROOT, root, 'tsconfig.build.json');
      if (!existsSync(config)) continue;
      const imported = new Set<string>();
      for (const file of tsFiles(root).filter((f) => !f.endsWith('.spec.ts') && projectOf(f) === name)) {
        for (const { target } of projectImports(file)) {
          const targetProject = projectOf(target);
          const targetRoot = targetProject && graph.nodes[targetProject].data.root;
          // Plain JavaScript projects (the dev tools) are not compiled: only TypeScript builds are referenced.
          if (targetRoot && targetProject !== name && existsSync(join(ROOT, targetRoot, 'tsconfig.build.json'))) {
            imported.add(targetRoot);
          }
        }
      }
      const { config: tsconfig } = ts.readConfigFile(config, ts.sys.readFile) as {
        config: { references?: { path: string }[] };
      };
      const referenced = (tsconfig.references ?? []).map((r) =>
        relative(ROOT, dirname(resolve(ROOT, root, r.path)))
          .split(sep)
          .join('/'),
      );
      const expected = [...imported].sort();
      if (JSON.stringify(referenced.sort()) !== JSON.stringify(expected)) {
        mismatches.push(`${root}/tsconfig.build.json references [${referenced}], its code imports [${expected}]`);
      }
    }
    expect(mismatches).toEqual([]);
  });
});

function findProjectJsons(dir: string): string[] {
  return readdirSync(join(ROOT, dir || '.'), { withFileTypes: true }).flatMap((entry) => {
    const path = dir ? `${dir}/${entry.name}` : entry.name;
    if (entry.isDirectory()) return SKIP_DIRS.has(entry.name) ? [] : findProjectJsons(path);
    return entry.name === 'project.json' ? [dir || '.'] : [];
  });
}
