// Turns tsconfig.base.json "paths" into Jest's moduleNameMapper, so tests resolve @platform/* like tsc does.
const { compilerOptions } = require('../../tsconfig.base.json');
const path = require('node:path');
exports.pathsToModuleNameMapper = () =>
  Object.fromEntries(
    Object.entries(compilerOptions.paths).map(([alias, [target]]) => [
      `^${alias.replace('/', '\\/')}$`,
      path.join(__dirname, '..', '..', target),
    ]),
  );
