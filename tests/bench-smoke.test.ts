/**
 * Keeps `npm run bench` working: a --quick run (small sizes) must print only a JSON array of
 * rows on stdout, every benchmark must have run without failing, and the rows must have the
 * shape the README documents. Performance goals are the bench's business, not this test's:
 * nothing here looks at whether a goal is met. The time allowed is generous: the run is a whole
 * process doing every benchmark in rounds, on a machine the other test files keep busy.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Row } from '../bench/measure.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const KEYS = ['metric', 'ours', 'reference', 'ratio', 'goal', 'pass'];

describe('npm run bench -- --quick --json', () => {
  it('prints the rows of every benchmark as JSON and nothing else', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'bench/run.ts', '--quick', '--json'], {
      cwd: ROOT,
      encoding: 'utf8',
      maxBuffer: 16 * 1024 * 1024,
    });
    expect(run.status, run.stderr).toBe(0);
    const rows = JSON.parse(run.stdout) as Row[];
    expect(Array.isArray(rows)).toBe(true);

    for (const row of rows) {
      for (const key of KEYS) expect(row, `${row.metric} has ${key}`).toHaveProperty(key);
      expect(row.note, row.metric).not.toMatch(/^failed:/);
      if (row.ours === null) {
        expect(row.pass, row.metric).toBeNull();
        expect(row.ratio, row.metric).toBeNull();
      } else {
        expect(Number.isFinite(row.ours), row.metric).toBe(true);
        expect(typeof row.pass, row.metric).toBe('boolean');
        if (row.reference !== null) expect(row.ratio, row.metric).toBeGreaterThan(0);
      }
    }

    const metric = (prefix: string) => rows.filter((r) => r.metric.startsWith(prefix));
    expect(metric('engine').length).toBe(3);
    expect(metric('engine vs json-rules-engine')[0]?.note).toMatch(/same verdict as assess\(\) on all/);
    expect(metric('engine vs hand-written loop')[0]?.note).toMatch(/same verdict as assess\(\) on all/);
    expect(metric('store: import')[0]?.ours).not.toBeNull();
    expect(metric('reassess').length).toBe(3);
    for (const r of metric('reassess')) expect(r.ours, r.metric).not.toBeNull();
    expect(metric('routes')[0]?.ours).not.toBeNull();
    // The office server under load: every call answered, every write kept, the chain sound.
    expect(metric('office').length).toBe(4);
    for (const r of metric('office')) expect(r.pass, r.note).toBe(true);
    expect(metric('store: import')[0]?.note).toMatch(/Median ratio of 3 rounds alternating ours and the peer/);
    expect(metric('search: p95').length).toBeGreaterThanOrEqual(1);
    expect(metric('memory')[0]?.ours).not.toBeNull();
    for (const r of metric('reports')) expect(r.ours).not.toBeNull();
    expect(metric('reports').length).toBe(2);
    expect(metric('ui').length).toBe(3); // the list within the app, app start, opening a case

    const saved = JSON.parse(fs.readFileSync(path.join(ROOT, 'bench', 'out', 'latest-quick.json'), 'utf8')) as { quick: boolean; rows: Row[] };
    expect(saved.quick).toBe(true);
    expect(saved.rows).toEqual(rows);
  }, 300_000);
});
