/** The store commands of `tsp` on real SQLite files: demo, search, export, import. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runTsp } from './cli-io.ts';

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tsp-cli-store-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const tsp = runTsp;

const file = (name: string) => path.join(dir, name);

describe('tsp demo and tsp cases search', () => {
  it('creates N realistic cases and lists them all with an empty search', async () => {
    const demo = await tsp('demo', '--db', file('demo.sqlite'), '--cases', '120');
    expect(demo.code).toBe(0);
    expect(demo.out).toMatch(/^Created 120 demo cases \(\d+ assessed\)/);
    expect(demo.err).toContain('demo: 120/120 cases');
    const all = JSON.parse((await tsp('cases', 'search', '--db', file('demo.sqlite'), '--json')).out);
    expect(all).toHaveLength(120);
    for (const c of all) {
      expect(c).toEqual(expect.objectContaining({ id: expect.any(String), familyName: expect.any(String) }));
      expect(c).toHaveProperty('givenNames');
      expect(c).toHaveProperty('status');
    }
    // Names in several scripts.
    expect(all.some((c: { nativeName: string | null }) => /[\u4e00-\u9fff]/.test(c.nativeName ?? ''))).toBe(true);
    expect(all.some((c: { nativeName: string | null }) => /[\u0400-\u04ff]/.test(c.nativeName ?? ''))).toBe(true);
  });

  it('finds a person by a fragment of the native-script name and by the family name', async () => {
    const all = JSON.parse((await tsp('cases', 'search', '--db', file('demo.sqlite'), '--json')).out) as { familyName: string; nativeName: string | null }[];
    const chinese = all.find((c) => /[\u4e00-\u9fff]{2,}/.test(c.nativeName ?? ''));
    expect(chinese).toBeDefined();
    const fragment = [...(chinese?.nativeName ?? '')].slice(0, 2).join('');
    const hits = JSON.parse((await tsp('cases', 'search', '--db', file('demo.sqlite'), fragment, '--json')).out) as { nativeName: string }[];
    expect(hits.length).toBeGreaterThan(0);
    for (const h of hits) expect(h.nativeName).toContain(fragment);
    const byName = await tsp('cases', 'search', '--db', file('demo.sqlite'), all[0]?.familyName.toLowerCase() ?? '');
    expect(byName.out).toContain(all[0]?.familyName);
  });
});

describe('tsp attachments seal', () => {
  it('seals nothing in a store with no old files, says so, and refuses a store that does not exist or a wrong sub-command', async () => {
    await tsp('demo', '--db', file('seal.sqlite'), '--cases', '3');
    expect(await tsp('attachments', 'seal', '--db', file('seal.sqlite'))).toMatchObject({ code: 0, out: `Sealed 0 attached files stored before schema 8 in ${file('seal.sqlite')}.\n` });
    expect((await tsp('attachments', 'seal', '--db', file('missing.sqlite'))).code).toBe(2);
    expect(fs.existsSync(file('missing.sqlite'))).toBe(false);
    expect(await tsp('attachments', 'open', '--db', file('seal.sqlite'))).toMatchObject({ code: 2, err: 'tsp: use: tsp attachments seal --db FILE\n' });
  });
});

describe('export, import into an empty database, export again', () => {
  it('gives the same cases, and importing them again changes nothing', async () => {
    expect((await tsp('cases', 'export', '--db', file('demo.sqlite'), '--out', file('a.json'))).out).toBe(`Exported 120 cases to ${file('a.json')}.\n`);
    const imported = await tsp('cases', 'import', '--db', file('copy.sqlite'), file('a.json'));
    expect(imported).toMatchObject({ code: 0, out: `Imported 120 cases into ${file('copy.sqlite')}: 120 new, 0 updated, 0 unchanged.\n` });
    // Imported again: every case is already there as the file has it (issue 20).
    expect((await tsp('cases', 'import', '--db', file('copy.sqlite'), file('a.json'))).out).toBe(`Imported 120 cases into ${file('copy.sqlite')}: 0 new, 0 updated, 120 unchanged.\n`);
    await tsp('cases', 'export', '--db', file('copy.sqlite'), '--out', file('b.json'));
    expect(JSON.parse(fs.readFileSync(file('b.json'), 'utf8'))).toEqual(JSON.parse(fs.readFileSync(file('a.json'), 'utf8')));
  });
});

describe('bad input exits 2 and leaves the database unchanged', () => {
  it('a file with an invalid case is refused whole, each problem named', async () => {
    const good = JSON.parse(fs.readFileSync(file('a.json'), 'utf8')).slice(0, 2);
    const bad = { ...good[1], sentencingState: 'Hong Kong', sentences: [{ id: 'S1', start: '2024-02-30', term: { years: 1 } }] };
    fs.writeFileSync(file('bad.json'), JSON.stringify([good[0], bad]));
    const before = fs.readFileSync(file('copy.sqlite'));
    const r = await tsp('cases', 'import', '--db', file('copy.sqlite'), file('bad.json'));
    expect(r.code).toBe(2);
    expect(r.err).toContain('was not imported (nothing was written)');
    expect(r.err).toContain('cases[1].sentencingState: must be an ISO 3166-1 alpha-2 code');
    expect(r.err).toContain('cases[1].sentences[0].start: must be a real calendar date');
    expect(r.err).not.toContain('cases[0]');
    expect(JSON.parse((await tsp('cases', 'search', '--db', file('copy.sqlite'), '--json')).out)).toHaveLength(120);
    expect(fs.readFileSync(file('copy.sqlite')).equals(before)).toBe(true);
  });

  it.each([
    ['a file that is not JSON', () => fs.writeFileSync(file('x.json'), '[{'), ['cases', 'import', '--db', 'copy.sqlite', 'x.json'], 'is not valid JSON'],
    ['an empty array', () => fs.writeFileSync(file('x.json'), '[]'), ['cases', 'import', '--db', 'copy.sqlite', 'x.json'], 'the file holds no case'],
    ['a missing database for search', () => {}, ['cases', 'search', '--db', 'nope.sqlite', 'x'], 'no database at'],
    ['a demo of zero cases', () => {}, ['demo', '--db', 'z.sqlite', '--cases', '0'], '--cases must be a whole number'],
    ['an unknown sub-command', () => {}, ['cases', 'purge', '--db', 'copy.sqlite'], 'use: tsp cases import | export | search'],
  ])('%s', async (_name, prepare, args, message) => {
    prepare();
    const r = await tsp(...args.map((a) => (a.endsWith('.json') || a.endsWith('.sqlite') ? file(a) : a)));
    expect(r.code).toBe(2);
    expect(r.err).toContain(message);
  });
});

describe('tsp assess --db', () => {
  it('uses the version of a rule-set stored in the app that is in force on the reference date', async () => {
    const { openApp } = await import('../electron/app.ts');
    const { builtInRuleSet } = await import('../shared/treaties/library.ts');
    const app = openApp({ file: file('rules.sqlite'), osUser: 'legal' });
    const base = structuredClone(builtInRuleSet('coe-ets-112'));
    if (!base) throw new Error('coe-ets-112 is built in');
    const edited = {
      ...base,
      version: '2025-local',
      effectiveFrom: '2023-01-01',
      minRemaining: { ...base.minRemaining, value: { duration: { years: 1, months: 0, days: 0 }, effect: 'mandatory-with-exception' as const } },
    };
    expect(app.router.dispatch('rulesets.save', { ruleSet: edited, reason: 'national practice: one year' }).ok).toBe(true);
    app.close();
    // 2 years from 2022-03-15: release 2024-03-15, 182 days after the request of 2023-09-15.
    fs.writeFileSync(
      file('t02.json'),
      JSON.stringify({
        format: 'tsp-case/1', sentencingState: 'NL', administeringState: 'GB',
        person: { familyName: 'SMITH', nationalities: ['GB'] }, judgment: { final: true, appealPending: false },
        sentences: [{ id: 'S1', start: '2022-03-15', term: { years: 2 }, offences: ['O1'] }], remandDays: 0,
        offences: [{ id: 'O1', categories: [], dualCriminality: 'yes' }], consent: { status: 'given', by: 'person' },
        events: { requestReceived: '2023-09-15' },
      }),
    );
    const builtIn = JSON.parse((await tsp('assess', '--case', file('t02.json'), '--treaty', 'coe-ets-112', '--json')).out);
    expect(builtIn).toMatchObject({ verdict: 'eligible', treaty: { version: '1983' } });
    const stored = JSON.parse((await tsp('assess', '--case', file('t02.json'), '--treaty', 'coe-ets-112', '--db', file('rules.sqlite'), '--json')).out);
    expect(stored).toMatchObject({ verdict: 'eligible_by_exception', treaty: { version: '2025-local' } });
    // Before the stored version's effective date, the built-in one applies.
    const earlier = JSON.parse((await tsp('assess', '--case', file('t02.json'), '--treaty', 'coe-ets-112', '--db', file('rules.sqlite'), '--on', '2022-12-31', '--json')).out);
    expect(earlier.treaty.version).toBe('1983');
  });
});
