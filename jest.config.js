// Three projects so a run can pick its layer: unit (pure), int (real PostgreSQL / NATS), e2e (processes over HTTP).
const { pathsToModuleNameMapper } = require('./tools/dev/paths');
const swc = ['@swc/jest', { jsc: { parser: { syntax: 'typescript', decorators: true }, transform: { legacyDecorator: true, decoratorMetadata: true }, target: 'es2022' }, module: { type: 'commonjs' } }];
const base = {
  transform: { '^.+\\.ts$': swc },
  moduleNameMapper: pathsToModuleNameMapper(),
  testEnvironment: 'node',
  // TypeScript first: a stray compiled .js beside a source file must never shadow it.
  moduleFileExtensions: ['ts', 'js', 'mjs', 'cjs', 'json', 'node'],
  setupFiles: ['reflect-metadata'],
};
module.exports = {
  // Jest ignores testTimeout inside a project; real-service tests need more than the 5 s default, and a hook that
  // starts the whole platform (six processes on two cores) needs more than a minute when the machine is busy.
  testTimeout: 120000,
  projects: [
    { ...base, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs,tools}/**/*.unit.spec.ts'] },
    { ...base, displayName: 'int', testMatch: ['<rootDir>/{apps,libs,tools}/**/*.int.spec.ts'] },
    { ...base, displayName: 'e2e', testMatch: ['<rootDir>/apps/**/*.e2e.spec.ts'] },
  ],
};
