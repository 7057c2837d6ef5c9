/* eslint-disable @typescript-eslint/no-explicit-any */
import { startIsolatedPlatform, type IsolatedPlatform } from '@platform/testing';
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const ROOT = join(__dirname, '..', '..', '..');
const CLIENT = join(ROOT, 'tools', 'typed-client');

// The document a new user would feed to third-party tools: it must lint clean and generate a working client.
describe('the OpenAPI document', () => {
  let platform: IsolatedPlatform;
  let document: any;

  beforeAll(async () => {
    platform = await startIsolatedPlatform('e2e_openapi');
    document = await (await fetch(`${platform.baseUrl}/api/docs-json`)).json();
  });
  afterAll(() => platform?.dispose());

  it("passes Redocly CLI's recommended rules with no error and no warning", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'openapi-'));
    try {
      const file = join(dir, 'openapi.json');
      writeFileSync(file, JSON.stringify(document));
      const { stdout } = await run(
        process.execPath,
        [
          join(ROOT, 'node_modules', '@redocly', 'cli', 'bin', 'cli.js'),
          'lint',
          file,
          '--extends=recommended',
          '--format=json',
        ],
        { cwd: dir, env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' } },
      ).catch((err: { stdout?: string; stderr?: string }) => {
        throw new Error(`redocly lint failed:\n${err.stdout ?? ''}${err.stderr ?? ''}`);
      });
      const report = JSON.parse(stdout.slice(stdout.indexOf('{')));
      expect(report.problems.map((p: any) => `${p.severity} ${p.ruleId}: ${p.message}`)).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('names every operation for a generated SDK and says what it does', () => {
    const operations = Object.values(document.paths).flatMap((p: any) => Object.values(p)) as any[];
    const ids = operations.map((o) => o.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const o of operations) {
      expect(o.operationId).toMatch(/^[a-z][A-Za-z]+$/);
      expect(o.summary).toBeTruthy();
      expect(o.tags).toHaveLength(1);
      expect(Object.keys(o.responses)).toEqual(expect.arrayContaining(['401', '429', '500']));
    }
    expect(document.openapi).toBe('3.1.0');
    expect(document.components.schemas.Problem.required).toEqual(
      expect.arrayContaining(['type', 'title', 'status', 'instance']),
    );
  });

  it('generates a typed client (openapi-typescript) whose program (openapi-fetch) compiles and runs the main flows', async () => {
    // As a user would: the CLI, pointed at the running gateway's document.
    mkdirSync(join(CLIENT, 'generated'), { recursive: true });
    await run(process.execPath, [
      join(ROOT, 'node_modules', 'openapi-typescript', 'bin', 'cli.js'),
      `${platform.baseUrl}/api/docs-json`,
      '--output',
      join(CLIENT, 'generated', 'api.d.ts'),
    ]);
    await run(process.execPath, [
      join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'),
      '-p',
      join(CLIENT, 'tsconfig.json'),
    ]).catch((err: { stdout?: string }) => {
      throw new Error(`the generated client does not compile:\n${err.stdout ?? ''}`);
    });
    const { stdout } = await run(process.execPath, [
      join(CLIENT, 'generated', 'out', 'flows.js'),
      platform.baseUrl,
      platform.token,
    ]);
    expect(stdout).toContain('flows ok');
  });
});
