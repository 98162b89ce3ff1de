/**
 * `npm run check:cycles` (run by `npm test`): no import cycle in shared/ or electron/services/,
 * type-only imports included (dpdm's parser). The cycles known when the check came in are listed
 * in scripts/import-cycles.allowed.txt; a cycle not listed fails the check, and a listed one that
 * has gone is named so it is struck off (`-- --prune` strikes them): the list only shrinks.
 */
import path from 'node:path';
import { checkAgainstList } from './check-against-list.ts';
import { formatCycle, importCycles, importGraph } from './import-cycles.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const ENTRIES = ['shared/**/*.ts', 'electron/services/**/*.ts'];
const ALLOWED = path.join(ROOT, 'scripts', 'import-cycles.allowed.txt');

const graph = await importGraph(ROOT, ENTRIES);
const found = importCycles(graph).map(formatCycle);
checkAgainstList({
  root: ROOT,
  allowed: ALLOWED,
  found,
  summary: (listed) => `import cycles: ${found.length} among ${graph.size} files reached from ${ENTRIES.join(', ')} (${listed} listed in ${path.relative(ROOT, ALLOWED)})`,
  noun: 'import cycle(s)',
  script: 'check:cycles',
  advice: 'break them',
});
