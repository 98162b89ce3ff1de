// Lint, including the layer boundaries of docs/architecture.md:
// renderer -> shared, db -> shared, electron -> db + shared; shared imports nothing of ours
// and nothing of Node, the DOM or SQL; only electron/main.ts and electron/preload.cts import electron.
import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'url', 'util', 'worker_threads', 'stream'];
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
      'no-restricted-syntax': ['error', { selector: "CallExpression[callee.property.name='only']", message: 'no .only in tests' }],
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
