import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';

// The layering promise, checked the way `npm run lint` checks it: a forbidden import must be an error.
const root = join(__dirname, '..');
// ESLint runs as its own process: its flat config is ESM, which Jest's module sandbox does not load.
const lint = async (file: string, code: string): Promise<string[]> => {
  const eslintBin = join(root, 'node_modules', 'eslint', 'bin', 'eslint.js');
  // The report goes to a file: on a fresh checkout Nx prints notices on stdout while it builds its project graph.
  const report = join(mkdtempSync(join(tmpdir(), 'boundaries-')), 'report.json');
  const args = [eslintBin, '--stdin', '--stdin-filename', file, '--format', 'json', '--output-file', report];
  const run = promisify(execFile)(process.execPath, args, { cwd: root });
  run.child.stdin?.end(code);
  await run.catch(() => undefined); // exit code 1 only means "found problems"
  const [result] = JSON.parse(readFileSync(report, 'utf8')) as { messages: { ruleId: string; message: string }[] }[];
  rmSync(dirname(report), { recursive: true, force: true });
  return result.messages.filter((m) => m.ruleId === '@nx/enforce-module-boundaries').map((m) => m.message);
};

describe('module boundaries', () => {
  // The rule reads Nx's project graph and silently skips itself when none is cached (a fresh checkout).
  beforeAll(async () => {
    const nx = join(root, 'node_modules', '.bin', 'nx');
    await promisify(execFile)(nx, ['show', 'projects'], { cwd: root, env: { ...process.env, NX_DAEMON: 'false' } });
  }, 120_000);

  it('keeps domain libs free of infrastructure and of other layers', async () => {
    const messages = await lint(
      'libs/assistants-domain/src/probe.ts',
      "import { Injectable } from '@nestjs/common';\nimport { Pool } from 'pg';\nimport { EVENT_STORE } from '@platform/event-store';\nexport const x = [Injectable, Pool, EVENT_STORE];\n",
    );
    expect(messages).toEqual([
      expect.stringContaining('not allowed to import "@nestjs/common"'),
      expect.stringContaining('not allowed to import "pg"'),
      expect.stringContaining('can only depend on libs tagged with "type:domain", "type:contracts"'),
    ]);
  }, 60_000);

  it('keeps the gateway away from domain libs', async () => {
    const messages = await lint(
      'apps/gateway/src/probe.ts',
      "import { decide } from '@platform/assistants-domain';\nexport const x = decide;\n",
    );
    expect(messages).toEqual([
      expect.stringContaining('"scope:edge" can only depend on libs tagged with "scope:edge", "scope:shared"'),
    ]);
  }, 60_000);

  it('keeps contracts free of Nest', async () => {
    const messages = await lint(
      'libs/contracts/src/probe.ts',
      "import { Module } from '@nestjs/common';\nexport const x = Module;\n",
    );
    expect(messages).toEqual([expect.stringContaining('not allowed to import "@nestjs/common"')]);
  }, 60_000);

  it('lets the assistants service use its domain and the shared infrastructure', async () => {
    const messages = await lint(
      'apps/assistants/src/probe.ts',
      "import { decide } from '@platform/assistants-domain';\nimport { EVENT_STORE } from '@platform/event-store';\nexport const x = [decide, EVENT_STORE];\n",
    );
    expect(messages).toEqual([]);
  }, 60_000);
});
