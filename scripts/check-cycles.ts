/**
 * `npm run check:cycles` (run by `npm test`): no import cycle in shared/ or electron/services/,
 * type-only imports included (dpdm's parser). There is none (issue 21 broke the last two), so any
 * cycle fails the check, named file by file: break it (move what both files need to a third).
 */
import path from 'node:path';
import { formatCycle, importCycles, importGraph } from './import-cycles.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const ENTRIES = ['shared/**/*.ts', 'electron/services/**/*.ts'];

const graph = await importGraph(ROOT, ENTRIES);
const found = importCycles(graph).map(formatCycle);
console.log(`import cycles: ${found.length} among ${graph.size} files reached from ${ENTRIES.join(', ')}`);
if (found.length > 0) {
  console.error(`${found.length} import cycle(s): break them (move what both files need to a third)`);
  for (const cycle of found) console.error(`  ${cycle}`);
  process.exitCode = 1;
}
