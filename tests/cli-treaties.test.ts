/**
 * `tsp treaties validate | import | export` on real files: a good file round-trips through a
 * store; a bad one exits 2 with every reason (field: message) and the store is unchanged.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtInRuleSet } from '../shared/treaties/library.ts';
import { runTsp } from './cli-io.ts';

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tsp-cli-treaties-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const tsp = runTsp;

const file = (name: string) => path.join(dir, name);
const write = (name: string, value: unknown) => {
  fs.writeFileSync(file(name), typeof value === 'string' ? value : JSON.stringify(value, null, 2));
  return file(name);
};
const edited = { ...builtInRuleSet('hk-us-1997')!, version: '2026-confirmed', effectiveFrom: '2026-01-01', notes: 'Treaty Doc. 105-7 retrieved' };
const broken = { ...edited, id: 'HK US', effectiveFrom: '2026-02-30', minRemaining: { value: { duration: { months: 0 }, effect: 'mandatory' }, source: '', confidence: 'S' } };

describe('tsp treaties validate', () => {
  it('accepts a valid file with a one-line summary', async () => {
    const r = await tsp('treaties', 'validate', write('good.json', edited));
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(r.out).toContain('a valid tsp-ruleset/1: hk-us-1997 version 2026-confirmed, in force from 2026-01-01');
  });

  it('exits 2 naming each bad field', async () => {
    const r = await tsp('treaties', 'validate', write('bad.json', broken));
    expect(r.code).toBe(2);
    expect(r.err).toContain('is not a valid tsp-ruleset/1 rule-set');
    for (const line of [
      '- id: must be lower-case letters, digits and hyphens',
      '- effectiveFrom: must be a real calendar date written YYYY-MM-DD',
      '- minRemaining.value.duration: must be longer than zero',
      '- minRemaining.source: every parameter needs its legal source',
    ]) expect(r.err).toContain(line);
    expect((await tsp('treaties', 'validate', write('truncated.json', '{"format":'))).err).toMatch(/\(file\): is not JSON: /);
    expect((await tsp('treaties', 'validate', file('missing.json'))).err).toMatch(/cannot read rule-set file .*ENOENT/);
  });
});

describe('tsp treaties import and export', () => {
  it('imports a file as a new version and exports the version in force', async () => {
    const db = file('store.sqlite');
    expect(await tsp('demo', '--db', db, '--cases', '5')).toMatchObject({ code: 0 });
    const imported = await tsp('treaties', 'import', '--db', db, write('in.json', edited));
    expect(imported).toMatchObject({ code: 0, err: '' });
    expect(imported.out).toContain('Imported hk-us-1997 version 2026-confirmed (in force from 2026-01-01)');

    const exported = await tsp('treaties', 'export', '--db', db, 'hk-us-1997', '--out', file('out.json'));
    expect(exported).toMatchObject({ code: 0, out: `Exported hk-us-1997 version 2026-confirmed to ${file('out.json')}.\n` });
    expect(JSON.parse(fs.readFileSync(file('out.json'), 'utf8'))).toEqual(edited);

    // The same version again is refused: a stored version is never changed.
    const again = await tsp('treaties', 'import', '--db', db, file('in.json'));
    expect(again.code).toBe(2);
    expect(again.err).toContain('ruleSet.version: version "2026-confirmed" of hk-us-1997 is already stored');
  });

  it('refuses a bad file with its reasons and stores nothing', async () => {
    const db = file('untouched.sqlite');
    expect((await tsp('demo', '--db', db, '--cases', '3')).code).toBe(0);
    const r = await tsp('treaties', 'import', '--db', db, write('bad-hk-us.json', { ...broken, id: 'hk-us-1997' }));
    expect(r.code).toBe(2);
    expect(r.err).toContain('- minRemaining.source: every parameter needs its legal source');
    // Still only the built-in version.
    await tsp('treaties', 'export', '--db', db, 'hk-us-1997', '--out', file('still.json'));
    expect(JSON.parse(fs.readFileSync(file('still.json'), 'utf8'))).toEqual(builtInRuleSet('hk-us-1997'));
    expect((await tsp('treaties', 'export', '--db', db, 'no-such-treaty', '--out', file('x.json'))).code).toBe(2);
  });
});
