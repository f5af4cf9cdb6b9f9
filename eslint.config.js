// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/** Node built-ins by exact name (as `paths`, since a gitignore-style pattern `util` would match ../util/x). */
const NODE_BUILTINS = ['fs', 'fs/promises', 'path', 'os', 'crypto', 'child_process', 'http', 'https', 'net', 'url', 'util', 'stream', 'events', 'worker_threads', 'electron'];

/** Layer boundaries (docs/DESIGN.md §6): enforced here, not by good intentions. */
const layer = (/** @type {string[]} */ forbidden, /** @type {string} */ why, /** @type {string[]} */ exact = []) => ({
  'no-restricted-imports': [
    'error',
    { paths: exact.map((name) => ({ name, message: why })), patterns: [{ group: forbidden, message: why }] },
  ],
});

export default tseslint.config(
  { ignores: ['.tmp*/', '.cache/', 'node_modules/', 'out/', 'dist/', 'release/', 'test-results/', 'playwright-report/', 'bench/results/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts'],
    rules: {
      ...layer(
        ['**/renderer/**', '**/electron/**', '**/server/**', '**/bench/**', '**/scripts/**', 'node:*', 'react', 'react-dom', 'rxdb', 'rxdb/*', 'dexie'],
        'shared/ is pure TypeScript: no DOM, no Node, no Electron, no other layer.',
        NODE_BUILTINS,
      ),
      'no-restricted-globals': ['error', 'window', 'document', 'process', 'Buffer', 'require', 'navigator', 'localStorage', 'indexedDB'],
    },
  },
  {
    files: ['server/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: layer(
      ['**/renderer/**', '**/electron/**', 'electron', 'react', 'react-dom', 'rxdb', 'rxdb/*', 'dexie'],
      'server/ imports only shared/ from the project.',
    ),
  },
  {
    files: ['electron/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: layer(['**/renderer/**', '**/server/**', 'react', 'react-dom', 'rxdb', 'rxdb/*', 'dexie'], 'electron/ never imports renderer or server code.'),
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...layer(
        ['**/server/**', '**/electron/main/**', '**/electron/preload/**', 'node:*'],
        'renderer/ talks to the desktop only through the preload bridge types in shared/.',
        NODE_BUILTINS,
      ),
    },
  },
  {
    files: ['**/*.test.ts', '**/*.test.tsx', 'e2e/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.{ts,mjs}', '*.config.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: { 'no-restricted-imports': 'off', 'no-restricted-globals': 'off' },
  },
);
