import { configDefaults, defineConfig } from 'vitest/config';

/**
 * Three projects, each runnable alone (`npm run test:unit`, `test:store`, `test:e2e`); `npm test`
 * runs them all.
 * - unit: pure code, in seconds: shared/, the golden fixtures and the message catalogues through
 *   the engine, the check scripts. Nothing here opens SQLite, spawns a process or starts a browser.
 * - store: real SQLite files, the router, the services, the CLI in-process and as a process, the
 *   compiled main process: every test of db/, electron/ and tests/ not in the unit set.
 * - e2e: the renderer in Debian's Chromium; the renderer is built once per run (e2e/global-setup.ts).
 */
const UNIT = [
  'shared/**/*.test.ts',
  'scripts/**/*.test.ts',
  'electron/services/time-ordered-id.test.ts',
  'tests/golden.test.ts',
  'tests/golden-enforcement.test.ts',
  'tests/golden-routes.test.ts',
  'tests/routes-hong-kong.test.ts',
  'tests/messages.test.ts',
];

export default defineConfig({
  test: {
    environment: 'node',
    testTimeout: 20000,
    hookTimeout: 60000,
    pool: 'forks',
    projects: [
      // Pure modules hold no state between files, so the unit files share one module graph per
      // worker thread (isolate: false): a quarter of the time of a fresh graph per file.
      { extends: true, test: { name: 'unit', include: UNIT, pool: 'threads', isolate: false } },
      {
        extends: true,
        test: { name: 'store', include: ['db/**/*.test.ts', 'electron/**/*.test.ts', 'tests/**/*.test.ts'], exclude: [...configDefaults.exclude, ...UNIT] },
      },
      {
        extends: true,
        // A screen's answer is awaited with expect.poll: 1 s by default, too short for a page that
        // re-queries the store while the other projects load both cores; a poll that never
        // matches still fails, after 10 s.
        test: {
          name: 'e2e',
          include: ['e2e/**/*.test.ts'],
          globalSetup: ['e2e/global-setup.ts'],
          setupFiles: ['e2e/use-shared-renderer.ts'],
          expect: { poll: { timeout: 10_000 } },
        },
      },
    ],
  },
});
