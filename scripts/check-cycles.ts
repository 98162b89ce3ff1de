/**
 * `npm run check:cycles` (run by `npm test`): no import cycle in shared/ or electron/services/,
 * type-only imports included (dpdm's parser). The cycles known when the check came in are listed
 * in scripts/import-cycles.allowed.txt; a cycle not listed fails the check, and a listed one that
 * has gone is named so it is struck off (`-- --prune` strikes them): the list only shrinks.
 */
import fs from 'node:fs';
import path from 'node:path';
import { compareWithAllowList, parseAllowList, withoutGone } from './allow-list.ts';
import { formatCycle, importCycles, importGraph } from './import-cycles.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const ENTRIES = ['shared/**/*.ts', 'electron/services/**/*.ts'];
const ALLOWED = path.join(ROOT, 'scripts', 'import-cycles.allowed.txt');

const graph = await importGraph(ROOT, ENTRIES);
const found = importCycles(graph).map(formatCycle);
const listText = fs.readFileSync(ALLOWED, 'utf8');
const { added, gone } = compareWithAllowList(found, parseAllowList(listText));

console.log(`import cycles: ${found.length} among ${graph.size} files reached from ${ENTRIES.join(', ')} (${found.length - added.length} listed in ${path.relative(ROOT, ALLOWED)})`);
if (gone.length > 0) {
  if (process.argv.includes('--prune')) {
    fs.writeFileSync(ALLOWED, withoutGone(listText, gone));
    console.log(`struck ${gone.length} cycle(s) that have gone off the list`);
  } else {
    console.log(`${gone.length} listed cycle(s) have gone: strike them off ${path.relative(ROOT, ALLOWED)} (npm run check:cycles -- --prune):`);
    for (const cycle of gone) console.log(`  ${cycle}`);
  }
}
if (added.length > 0) {
  console.error(`${added.length} import cycle(s) not in the list: break them (the list only shrinks):`);
  for (const cycle of added) console.error(`  ${cycle}`);
  process.exitCode = 1;
}
