import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

// The layering promise, checked the way `npm run lint` checks it: a forbidden import must be an error.
const root = join(__dirname, '..');
// ESLint runs as its own process: its flat config is ESM, which Jest's module sandbox does not load.
const lint = async (file: string, code: string): Promise<string[]> => {
  const eslintBin = join(root, 'node_modules', 'eslint', 'bin', 'eslint.js');
  const run = promisify(execFile)(process.execPath, [eslintBin, '--stdin', '--stdin-filename', file, '--format', 'json'], { cwd: root });
  run.child.stdin?.end(code);
  // Exit code 1 only means "found problems"; the JSON report is on stdout either way.
  const { stdout } = await run.catch((err: { stdout?: string }) => ({ stdout: err.stdout ?? '[]' }));
  const [result] = JSON.parse(stdout) as { messages: { ruleId: string; message: string }[] }[];
  return result.messages.filter((m) => m.ruleId === '@nx/enforce-module-boundaries').map((m) => m.message);
};

describe('module boundaries', () => {
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
    const messages = await lint('apps/gateway/src/probe.ts', "import { decide } from '@platform/assistants-domain';\nexport const x = decide;\n");
    expect(messages).toEqual([expect.stringContaining('"scope:edge" can only depend on libs tagged with "scope:edge", "scope:shared"')]);
  }, 60_000);

  it('keeps contracts free of Nest', async () => {
    const messages = await lint('libs/contracts/src/probe.ts', "import { Module } from '@nestjs/common';\nexport const x = Module;\n");
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
