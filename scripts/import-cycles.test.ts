import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatCycle, importCycles, importGraph, type ImportGraph } from './import-cycles.ts';

const graphOf = (edges: Record<string, string[]>): ImportGraph => new Map(Object.entries(edges));
const cyclesOf = (edges: Record<string, string[]>) => importCycles(graphOf(edges)).map(formatCycle);

describe('importCycles: every elementary cycle, once, from its first file', () => {
  it('finds none in a graph without a cycle', () => {
    expect(cyclesOf({ 'a.ts': ['b.ts', 'c.ts'], 'b.ts': ['c.ts'], 'c.ts': [] })).toStrictEqual([]);
  });

  it('lists two cycles that share a file separately, each from its alphabetically first file', () => {
    expect(cyclesOf({ 'c.ts': ['a.ts', 'd.ts'], 'a.ts': ['b.ts'], 'b.ts': ['c.ts'], 'd.ts': ['c.ts'] })).toStrictEqual(['a.ts -> b.ts -> c.ts', 'c.ts -> d.ts']);
  });

  it('lists a short and a long cycle through the same import as two cycles', () => {
    expect(cyclesOf({ 'a.ts': ['b.ts'], 'b.ts': ['c.ts', 'a.ts'], 'c.ts': ['a.ts'] })).toStrictEqual(['a.ts -> b.ts', 'a.ts -> b.ts -> c.ts']);
  });

  it('counts a file that imports itself', () => {
    expect(cyclesOf({ 'a.ts': ['a.ts'] })).toStrictEqual(['a.ts']);
  });

  it('ignores imports of files outside the graph (packages, Node)', () => {
    expect(cyclesOf({ 'a.ts': ['zod', 'b.ts'], 'b.ts': ['node:fs'] })).toStrictEqual([]);
  });

  const files = ['a', 'b', 'c', 'd', 'e', 'f'];
  const edgesArb = fc.uniqueArray(fc.tuple(fc.constantFrom(...files), fc.constantFrom(...files)), { maxLength: 14, selector: ([from, to]) => `${from}>${to}` });
  const toGraph = (edges: readonly (readonly [string, string])[]): ImportGraph => new Map(files.map((f) => [f, edges.filter(([from]) => from === f).map(([, to]) => to)]));

  it('gives only real cycles, each once: every import in it exists and no file repeats', () => {
    fc.assert(
      fc.property(edgesArb, (edges) => {
        const graph = toGraph(edges);
        const cycles = importCycles(graph);
        expect(new Set(cycles.map(formatCycle)).size).toBe(cycles.length);
        for (const cycle of cycles) {
          expect(new Set(cycle).size).toBe(cycle.length);
          expect(cycle[0]).toBe([...cycle].sort()[0]);
          cycle.forEach((file, i) => expect(graph.get(file)).toContain(cycle[(i + 1) % cycle.length]));
        }
      }),
    );
  });

  it('never gains a cycle when an import is taken away', () => {
    fc.assert(
      fc.property(edgesArb.filter((e) => e.length > 0), fc.nat(), (edges, pick) => {
        const before = new Set(importCycles(toGraph(edges)).map(formatCycle));
        const after = importCycles(toGraph(edges.filter((_, i) => i !== pick % edges.length))).map(formatCycle);
        for (const cycle of after) expect(before).toContain(cycle);
      }),
    );
  });
});

describe('importGraph: dpdm reads the imports as written', () => {
  it('counts type-only imports and re-exports, which a transpiled graph would drop', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'tsp-cycles-'));
    try {
      fs.writeFileSync(path.join(root, 'a.ts'), "import type { B } from './b.ts';\nexport interface A { b?: B }\n");
      fs.writeFileSync(path.join(root, 'b.ts'), "export type { A as Same } from './a.ts';\nexport interface B { n: number }\n");
      fs.writeFileSync(path.join(root, 'c.ts'), "import { z } from 'zod';\nexport const c = z.string();\n");
      const graph = await importGraph(root, ['*.ts']);
      expect(Object.fromEntries(graph)).toStrictEqual({ 'a.ts': ['b.ts'], 'b.ts': ['a.ts'], 'c.ts': [] });
      expect(importCycles(graph).map(formatCycle)).toStrictEqual(['a.ts -> b.ts']);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
