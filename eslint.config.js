// Lint, including the layer boundaries of docs/architecture.md:
// renderer -> shared, db -> shared, electron -> db + shared; shared imports nothing of ours
// and nothing of Node, the DOM or SQL; only electron/main.ts and electron/preload.cts import electron.
import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'url', 'util', 'worker_threads', 'stream'];
const NO_ONLY = { selector: "CallExpression[callee.property.name='only']", message: 'no .only in tests' };
const restrict = (groups, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: groups, message }] }],
});

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'dist-electron/', 'release/', 'coverage/', 'e2e/out/', 'bench/out/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', NO_ONLY],
    },
  },
  {
    // A write handle (db/handles.ts) comes from a service's write; these few open their own transaction for the store itself.
    files: ['**/*.{ts,tsx,cts}'],
    ignores: ['db/handles.ts', 'db/handles.test.ts', 'electron/services/write.ts', 'electron/services/session.ts', 'electron/services/users.ts', 'electron/backups.ts', 'db/audit-seal.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        NO_ONLY,
        { selector: "ImportSpecifier[imported.name='inWrite']", message: 'A write handle comes from write() (electron/services/write.ts): services are the only writers.' },
      ],
    },
  },
  {
    files: ['**/*.{ts,tsx,js,mjs,cjs,cts}'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts'],
    languageOptions: { globals: {} },
    rules: {
      ...restrict(
        [...NODE_BUILTINS, 'electron', 'better-sqlite3', 'better-sqlite3-multiple-ciphers', 'react', 'react-dom', '**/db/**', '**/electron/**', '**/renderer/**'],
        'shared/ is pure TypeScript: no Node, DOM, SQL or app layers.',
      ),
      'no-restricted-globals': ['error', 'process', 'window', 'document', 'require', 'Buffer'],
    },
  },
  {
    files: ['db/**/*.ts'],
    rules: restrict(['electron', 'react', 'react-dom', '**/electron/**', '**/renderer/**'], 'db/ owns SQL only: it may import shared/ and Node, nothing else.'),
  },
  {
    files: ['electron/**/*.ts', 'electron/**/*.cts'],
    ignores: ['electron/main.ts', 'electron/preload.cts'],
    rules: restrict(['electron', '**/renderer/**'], 'Only electron/main.ts and electron/preload.cts import electron; electron/ never imports the renderer.'),
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...restrict(
      [...NODE_BUILTINS, 'electron', 'better-sqlite3', 'better-sqlite3-multiple-ciphers', '**/db/**', '**/electron/**'],
        'The renderer talks to the app only through the typed API (shared/api.ts).',
      ),
    },
  },
);
