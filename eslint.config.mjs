// Layering is enforced here: domain libs stay pure, the gateway never imports a domain, contracts stay Nest-free.
import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';

const INFRASTRUCTURE = ['@nestjs/*', 'pg', 'nats', 'fastify', 'rxjs'];

/** Tests may also use the testing lib; production code may not. */
const boundaries = (tests) => {
  const extra = tests ? ['type:testing'] : [];
  return [
    'error',
    {
      enforceBuildableLibDependency: false,
      allow: [],
      banTransitiveDependencies: false,
      depConstraints: [
        {
          sourceTag: 'type:domain',
          onlyDependOnLibsWithTags: ['type:domain', 'type:contracts', ...extra],
          bannedExternalImports: INFRASTRUCTURE,
        },
        {
          sourceTag: 'type:contracts',
          onlyDependOnLibsWithTags: ['type:contracts', ...extra],
          bannedExternalImports: INFRASTRUCTURE,
        },
        { sourceTag: 'type:infra', onlyDependOnLibsWithTags: ['type:infra', 'type:contracts', ...extra] },
        { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:domain', 'type:contracts', 'type:infra', ...extra] },
        { sourceTag: 'scope:edge', onlyDependOnLibsWithTags: ['scope:edge', 'scope:shared'] },
        { sourceTag: 'scope:assistants', onlyDependOnLibsWithTags: ['scope:assistants', 'scope:shared'] },
        { sourceTag: 'scope:access', onlyDependOnLibsWithTags: ['scope:access', 'scope:shared'] },
        { sourceTag: 'scope:conversations', onlyDependOnLibsWithTags: ['scope:conversations', 'scope:shared'] },
        { sourceTag: 'scope:deployments', onlyDependOnLibsWithTags: ['scope:deployments', 'scope:shared'] },
        { sourceTag: 'scope:analytics', onlyDependOnLibsWithTags: ['scope:analytics', 'scope:shared'] },
        { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['*'] },
        // End-to-end tests drive the running apps over HTTP: test helpers and contracts, no app or infra code.
        { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['type:contracts', ...extra] },
        // Workspace checks under tools/ (deployment files, lock file, project graph) may look at anything.
        { sourceTag: 'type:tooling', onlyDependOnLibsWithTags: ['*'] },
      ],
    },
  ];
};

export default [
  { ignores: ['**/dist', '**/node_modules', '**/.nx', 'coverage', 'tools/typed-client/generated'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    plugins: { '@nx': nx },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@nx/enforce-module-boundaries': boundaries(false),
    },
  },
  {
    files: ['**/*.spec.ts', '**/e2e/**/*.ts'],
    rules: { '@nx/enforce-module-boundaries': boundaries(true) },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['**/*.spec.ts', 'tools/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
];
