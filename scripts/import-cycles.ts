/**
 * Every elementary import cycle of a module graph, each written once, from its alphabetically
 * first file: `a.ts -> b.ts -> c.ts` (c.ts imports a.ts again).
 *
 * Why not the cycles dpdm prints: dpdm reports one cycle per back edge of its depth-first walk
 * (5 of the 17 cycles of shared/ and electron/services/ on the day this check came in), so
 * removing one import can bring a cycle it never printed into view. Listing every elementary
 * cycle keeps the allow-list honest: taking an import away never adds a cycle.
 */
import { parseDependencyTree } from 'dpdm';

export type ImportGraph = ReadonlyMap<string, readonly string[]>;

/**
 * The imports among the project's own files reachable from `entries` (globs under `root`), as
 * dpdm parses them without transpiling: type-only imports (`import type`, `export type ... from`)
 * and dynamic imports count. Paths relative to `root`, `/`-separated.
 */
export async function importGraph(root: string, entries: readonly string[]): Promise<ImportGraph> {
  const tree = await parseDependencyTree([...entries], { cwd: root, context: root, transform: false, skipDynamicImports: false });
  const own = (file: string) => !file.startsWith('node:') && !file.split('/').includes('node_modules');
  const graph = new Map<string, string[]>();
  for (const [file, dependencies] of Object.entries(tree)) {
    if (!own(file) || dependencies === null) continue;
    const imported = dependencies.map((d) => d.id).filter((id): id is string => id !== null && own(id));
    graph.set(file, [...new Set(imported)].sort());
  }
  return graph;
}

/** Past this many cycles the graph is tangled beyond listing: the check says so and stops. */
export const MAX_CYCLES = 10_000;

/** Strongly connected components with more than one file, or one file that imports itself (Tarjan). */
function tangledComponents(graph: ImportGraph): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const visit = (file: string): void => {
    index.set(file, next);
    low.set(file, next);
    next += 1;
    stack.push(file);
    onStack.add(file);
    for (const imported of graph.get(file) ?? []) {
      if (!graph.has(imported)) continue;
      if (!index.has(imported)) {
        visit(imported);
        low.set(file, Math.min(low.get(file)!, low.get(imported)!));
      } else if (onStack.has(imported)) {
        low.set(file, Math.min(low.get(file)!, index.get(imported)!));
      }
    }
    if (low.get(file) !== index.get(file)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== file);
    if (component.length > 1 || (graph.get(file) ?? []).includes(file)) components.push(component);
  };
  for (const file of [...graph.keys()].sort()) if (!index.has(file)) visit(file);
  return components;
}

/**
 * Each elementary cycle as its files in import order, starting from the cycle's alphabetically
 * first file; sorted. Throws past MAX_CYCLES.
 */
export function importCycles(graph: ImportGraph): string[][] {
  const cycles: string[][] = [];
  for (const component of tangledComponents(graph)) {
    const files = [...component].sort();
    // Cycles through `start` using only files after it in this order: each cycle is found once,
    // from its first file.
    files.forEach((start, i) => {
      const usable = new Set(files.slice(i));
      const path = [start];
      const onPath = new Set(path);
      const walk = (file: string): void => {
        for (const imported of new Set(graph.get(file) ?? [])) {
          if (!usable.has(imported)) continue;
          if (imported === start) {
            cycles.push([...path]);
            if (cycles.length > MAX_CYCLES) throw new Error(`more than ${MAX_CYCLES} import cycles: untangle the graph before listing them`);
          } else if (!onPath.has(imported)) {
            path.push(imported);
            onPath.add(imported);
            walk(imported);
            path.pop();
            onPath.delete(imported);
          }
        }
      };
      walk(start);
    });
  }
  const written = cycles.map((cycle) => ({ cycle, text: formatCycle(cycle) }));
  return written.sort((a, b) => (a.text < b.text ? -1 : a.text > b.text ? 1 : 0)).map((w) => w.cycle);
}

export function formatCycle(cycle: readonly string[]): string {
  return cycle.join(' -> ');
}
