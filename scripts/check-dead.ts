/**
 * `npm run check:dead` (run by `npm test`): knip (knip.json) finds unused files, exports, types
 * and dependencies. What it found when the check came in is listed in
 * scripts/knip-findings.allowed.txt; a finding not listed fails the check, and a listed one that
 * has gone is named so it is struck off (`-- --prune` strikes them): the list only shrinks.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { compareWithAllowList, parseAllowList, withoutGone } from './allow-list.ts';
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
const listText = fs.readFileSync(ALLOWED, 'utf8');
const { added, gone } = compareWithAllowList(found, parseAllowList(listText));

console.log(`knip: ${found.length} findings (${countsByKind(found)}); ${found.length - added.length} listed in ${path.relative(ROOT, ALLOWED)}`);
if (gone.length > 0) {
  if (process.argv.includes('--prune')) {
    fs.writeFileSync(ALLOWED, withoutGone(listText, gone));
    console.log(`struck ${gone.length} finding(s) that have gone off the list`);
  } else {
    console.log(`${gone.length} listed finding(s) have gone: strike them off ${path.relative(ROOT, ALLOWED)} (npm run check:dead -- --prune):`);
    for (const finding of gone) console.log(`  ${finding}`);
  }
}
if (added.length > 0) {
  console.error(`${added.length} knip finding(s) not in the list: remove the dead code, or use it (the list only shrinks):`);
  for (const finding of added) console.error(`  ${finding}`);
  process.exitCode = 1;
}
