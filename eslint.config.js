// One flat ESLint config for the whole monorepo: typescript-eslint with type information
// (each file is checked against the nearest tsconfig.json), the promise rules, and the
// house rules below. `npm run lint` runs it with Prettier's check.
import js from '@eslint/js';
import promise from 'eslint-plugin-promise';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/.next/**',
      '**/.turbo/**',
      '.sweepscope/**',
      'test-results/**',
      'packages/db/src/generated/**',
      '**/next-env.d.ts',
      'apps/web/src/graphql/graphql-env.d.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  promise.configs['flat/recommended'],
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // Settings are read in one place per package, where they are checked and documented.
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Read settings in the package’s env.ts, where they are checked and documented.' },
      ],
      // A package is used through its exports map, never by reaching into its folders.
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@sweepscope/*/src/*', '@sweepscope/*/dist/*', '@sweepscope/*/src', '@sweepscope/*/dist'],
              message: 'Import the package by a path its exports map names.',
            },
            {
              group: ['**/packages/*/src/**', '**/packages/*/dist/**', '**/apps/*/src/**', '**/apps/*/dist/**'],
              message: 'Import another package by its name and exports map, not by a relative path.',
            },
          ],
        },
      ],
      // node:test's describe and it return promises the runner itself awaits.
      '@typescript-eslint/no-floating-promises': [
        'error',
        {
          allowForKnownSafeCalls: [
            { from: 'package', package: 'node:test', name: ['describe', 'it', 'test', 'suite', 'before', 'after', 'beforeEach', 'afterEach'] },
          ],
        },
      ],
      // A rejection handler given to then() handles the rejection.
      'promise/catch-or-return': ['error', { allowThen: true }],
      // A then() callback run for its effect (a time noted, a process resumed) needs no value.
      'promise/always-return': 'off',
      // An async function without await is how a promise-returning interface is met here
      // (a loader, a resolver, a fake in a test); a thrown error then rejects, as callers expect.
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
    },
  },
  {
    // The one file per package that reads the environment; tests, benches and launchers set
    // a child process's environment, which is theirs to build.
    files: ['**/env.ts', '**/*.test.ts', 'test/**', 'bench/**', 'scripts/**', 'packages/db/scripts/**'],
    rules: { 'no-restricted-properties': 'off' },
  },
  {
    // TensorFlow.js types a tensor's rank by generic parameters that its callers narrow with
    // `as tf.Tensor4D`; spelling each as type arguments instead is no clearer.
    files: ['packages/trainer/**', 'bench/**'],
    rules: { '@typescript-eslint/no-unnecessary-type-assertion': 'off' },
  },
  {
    // The few plain JavaScript files (this one, the Prisma generate script) are in no tsconfig.
    files: ['**/*.js'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly' },
    },
  },
);
