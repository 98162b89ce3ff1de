/**
 * `npm run check:dead` (run by `npm test`): knip (knip.json) finds unused files, exports, types
 * and dependencies. What it found when the check came in is listed in
 * scripts/knip-findings.allowed.txt; a finding not listed fails the check, and a listed one that
 * has gone is named so it is struck off (`-- --prune` strikes them): the list only shrinks.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { checkAgainstList } from './check-against-list.ts';
import { countsByKind, knipFindings, type KnipReport } from './knip-findings.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const KNIP = path.join(ROOT, 'node_modules', 'knip', 'bin', 'knip.js');
const ALLOWED = path.join(ROOT, 'scripts', 'knip-findings.allowed.txt');

const run = spawnSync(process.execPath, [KNIP, '--reporter', 'json', '--no-progress', '--no-config-hints', '--no-exit-code'], {
  cwd: ROOT,
  encoding: 'utf8',
  maxBuffer: 64 * 1024 * 1024,
});
if (run.status !== 0) {
  console.error(`knip failed (exit ${run.status}):\n${run.stderr}`);
  process.exit(1);
}
const found = knipFindings(JSON.parse(run.stdout) as KnipReport);
checkAgainstList({
  root: ROOT,
  allowed: ALLOWED,
  found,
  summary: (listed) => `knip: ${found.length} findings (${countsByKind(found)}); ${listed} listed in ${path.relative(ROOT, ALLOWED)}`,
  noun: 'knip finding(s)',
  script: 'check:dead',
  advice: 'remove the dead code, or use it',
});
