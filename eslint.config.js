// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { readdirSync } from 'node:fs';

/** Node built-ins by exact name (as `paths`, since a gitignore-style pattern `util` would match ../util/x). */
const NODE_BUILTINS = ['fs', 'fs/promises', 'path', 'os', 'crypto', 'child_process', 'http', 'https', 'net', 'url', 'util', 'stream', 'events', 'worker_threads', 'electron'];

/** Layer boundaries (docs/DESIGN.md §6): enforced here, not by good intentions. */
/** Several groups of forbidden imports, each with its own reason (one `no-restricted-imports` per file set). */
const layers = (/** @type {{ forbidden: string[], why: string }[]} */ groups, /** @type {string[]} */ exact = [], exactWhy = '') => ({
  'no-restricted-imports': [
    'error',
    { paths: exact.map((name) => ({ name, message: exactWhy })), patterns: groups.map((g) => ({ group: g.forbidden, message: g.why })) },
  ],
});

const SHARED_LAYER = {
  forbidden: ['**/renderer/**', '**/electron/**', '**/server/**', '**/bench/**', '**/scripts/**', 'node:*', 'react', 'react-dom', 'rxdb', 'rxdb/*', 'dexie'],
  why: 'shared/ is pure TypeScript: no DOM, no Node, no Electron, no other layer.',
};
const SHARED_GLOBALS = ['error', 'window', 'document', 'process', 'Buffer', 'require', 'navigator', 'localStorage', 'indexedDB'];
const SERVER_LAYER = { forbidden: ['**/renderer/**', '**/electron/**', 'electron', 'react', 'react-dom', 'rxdb', 'rxdb/*', 'dexie'], why: 'server/ imports only shared/ from the project.' };
const RENDERER_LAYER = {
  forbidden: ['**/server/**', '**/electron/main/**', '**/electron/preload/**', 'node:*'],
  why: 'renderer/ talks to the desktop only through the preload bridge types in shared/.',
};
const RENDERER_WHY = RENDERER_LAYER.why;

/**
 * Renderer features (folders of renderer/src/features): each is used by the others and the app only
 * through its public entries: `index.ts` (screens, hooks, everything) and, where it has one,
 * `model.ts` (pure rules and text, so another feature's model and its tests need not load screens).
 */
const FEATURES = readdirSync(new URL('./renderer/src/features', import.meta.url), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);
const featureEntry = (/** @type {string} */ f) => ({
  forbidden: FEATURES.filter((g) => g !== f).flatMap((g) => [`../${g}/*`, `!../${g}/model`, `**/features/${g}/*`, `!**/features/${g}/model`]),
  why: 'A feature is used by other features only through its public entry: import from "../<feature>" (index.ts) or "../<feature>/model" (model.ts), never another file inside it.',
});

const MODEL_WHY = "model.ts is a feature's pure entry: no React, no component, no replica, no platform bridge.";

/** The main process and the preload script have no DOM (the renderer has it). */
const NO_DOM_GLOBALS = ['error', 'window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'indexedDB', 'HTMLElement', 'Element', 'Node', 'location', 'history', 'alert', 'confirm'];

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
      ...layers([SHARED_LAYER], NODE_BUILTINS, SHARED_LAYER.why),
      'no-restricted-globals': SHARED_GLOBALS,
    },
  },
  {
    files: ['shared/domain/**/*.ts'],
    ignores: ['shared/**/*.test.ts'],
    rules: layers(
      [SHARED_LAYER, { forbidden: ['../insights/*', '**/shared/insights/*'], why: 'shared/domain/ (documents and their checks) does not import shared/insights/ (which builds on it).' }],
      NODE_BUILTINS,
      SHARED_LAYER.why,
    ),
  },
  {
    files: ['server/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: layers([SERVER_LAYER]),
  },
  {
    files: ['server/http/**/*.ts'],
    rules: layers([SERVER_LAYER, { forbidden: ['../cli/*', '../../cli/*', '../../../cli/*'], why: 'server/http/ (the API) does not import server/cli/ (the admin commands build on the server, not the reverse).' }]),
  },
  {
    files: ['server/store/**/*.ts'],
    rules: layers([
      SERVER_LAYER,
      { forbidden: ['../sync/*', '../../sync/*'], why: 'server/store/ does not import server/sync/ (sync handlers use the store, not the reverse).' },
      { forbidden: ['../services/*', '../../services/*'], why: 'server/store/ (storage) does not import server/services/ (the domain services built on it).' },
    ]),
  },
  {
    files: ['electron/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      ...layers([{ forbidden: ['**/renderer/**', '**/server/**', 'react', 'react-dom', 'rxdb', 'rxdb/*', 'dexie'], why: 'electron/ never imports renderer or server code.' }]),
      'no-restricted-globals': NO_DOM_GLOBALS,
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...layers([RENDERER_LAYER, { forbidden: ['**/features/*/*', '!**/features/*/model'], why: 'Outside the features, a feature is used only through its public entry (renderer/src/features/<feature>/index.ts, or model.ts for its pure rules).' }], NODE_BUILTINS, RENDERER_WHY),
    },
  },
  ...FEATURES.map((f) => ({
    files: [`renderer/src/features/${f}/**/*.{ts,tsx}`],
    rules: layers([RENDERER_LAYER, featureEntry(f)], NODE_BUILTINS, RENDERER_WHY),
  })),
  {
    // A feature's pure entry stays pure: what it re-exports may not need React or the platform bridge.
    files: ['renderer/src/features/*/model.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: NODE_BUILTINS.map((name) => ({ name, message: RENDERER_WHY })),
          patterns: [
            { group: RENDERER_LAYER.forbidden, message: RENDERER_WHY },
            { group: ['react', 'react-dom', 'rxdb', 'rxdb/*', '**/platform/*'], message: MODEL_WHY },
            // Components are PascalCase files (CustomersScreen.tsx): a model re-exports none.
            { regex: '^\\.{1,2}/(.*/)?[A-Z][^/]*$', caseSensitive: true, message: MODEL_WHY },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.test.ts', '**/*.test.tsx', 'e2e/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.{ts,mjs}', '*.config.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: { 'no-restricted-imports': 'off', 'no-restricted-globals': 'off' },
  },
);
