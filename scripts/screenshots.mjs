/**
 * `npm run screenshots`: refreshes the README's screenshots (docs/screenshots/) from the current
 * screens. Runs the Chromium tests that take them (those calling saveDocScreenshot, e2e/harness.ts)
 * with TSP_UPDATE_DOC_SCREENSHOTS=1, which makes them write docs/screenshots/ instead of
 * e2e/out/docs/; the tests must pass for the pictures to be the screens they check.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const e2e = path.join(root, 'e2e');
const files = fs
  .readdirSync(e2e)
  .filter((f) => f.endsWith('.test.ts') && fs.readFileSync(path.join(e2e, f), 'utf8').includes('saveDocScreenshot('))
  .map((f) => path.join('e2e', f));
console.log(`Refreshing docs/screenshots/ from ${files.join(', ')}`);
const vitest = path.join(path.dirname(require.resolve('vitest/package.json')), 'vitest.mjs');
const run = spawnSync(process.execPath, [vitest, 'run', ...files], { cwd: root, stdio: 'inherit', env: { ...process.env, TSP_UPDATE_DOC_SCREENSHOTS: '1' } });
process.exit(run.status ?? 1);
