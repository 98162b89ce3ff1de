import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../electron/cli.ts';
import { CONDITION_IDS } from '../shared/eligibility/types.ts';
import { BUILT_IN_RULESETS } from '../shared/treaties/library.ts';
import { PARAMETER_KEYS } from '../shared/treaties/schema.ts';
import { memoryIo } from './cli-io.ts';

/** ETS 112 scenario T02/T03: 2 years from 2022-03-15, release 2024-03-15. */
const theftCase = (requestReceived: string | null) => ({
  format: 'tsp-case/1',
  sentencingState: 'NL',
  administeringState: 'GB',
  person: { familyName: 'SMITH', givenNames: 'John', nationalities: ['GB'] },
  judgment: { final: true, appealPending: false },
  sentences: [{ id: 'S1', start: '2022-03-15', term: { years: 2, months: 0, days: 0 }, consecutiveTo: null, offences: ['O1'] }],
  remandDays: 0,
  offences: [{ id: 'O1', description: 'Theft', categories: [], dualCriminality: 'yes' }],
  consent: { status: 'given', by: 'person' },
  events: { requestReceived },
});

async function run(args: string[], files: Record<string, unknown>) {
  const io = memoryIo(files);
  const code = await main(args, io);
  return { code, out: io.stdout(), err: io.stderr() };
}

describe('tsp assess --json', () => {
  it('prints the contract object; equality with the six-month threshold passes (T02: 2023-09-15 + 6 m = 2024-03-15)', async () => {
    const r = await run(['assess', '--case', 'c.json', '--treaty', 'coe-ets-112', '--json'], { 'c.json': theftCase('2023-09-15') });
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(json).toMatchObject({
      verdict: 'eligible',
      flags: ['states_agreement_required'],
      rescreenOn: null,
      treaty: { id: 'coe-ets-112', version: '1983' },
      referenceDate: '2023-09-15',
      dates: { releaseDate: '2024-03-15', sentenceExpiryDate: '2024-03-14', remainingDays: 182 },
    });
    expect(json.conditions.map((c: { id: string }) => c.id)).toEqual([...CONDITION_IDS]);
    const remaining = json.conditions.find((c: { id: string }) => c.id === 'remaining-sentence');
    expect(remaining).toMatchObject({ status: 'met', source: expect.stringContaining('Art. 3(1)(c)') });
    expect(remaining.explanation).toContain('182 days remain on 2023-09-15');
  });

  it('one day short is eligible by exception under Art. 3(2) (T03: threshold 2024-03-16 > release 2024-03-15, 181 days)', async () => {
    const r = await run(['assess', '--case', 'c.json', '--treaty', 'coe-ets-112', '--json'], { 'c.json': theftCase('2023-09-16') });
    const json = JSON.parse(r.out);
    expect(json.verdict).toBe('eligible_by_exception');
    expect(json.dates.remainingDays).toBe(181);
    expect(json.conditions.find((c: { id: string }) => c.id === 'remaining-sentence').status).toBe('waived');
  });

  it('--on overrides the reference event ("assess as if on this date")', async () => {
    const r = await run(['assess', '--case', 'c.json', '--treaty', 'coe-ets-112', '--on', '2023-09-16', '--json'], { 'c.json': theftCase('2023-09-15') });
    const json = JSON.parse(r.out);
    expect(json).toMatchObject({ referenceDate: '2023-09-16', referenceSource: 'override', verdict: 'eligible_by_exception' });
  });

  it('without the event date or --on, today is used and the reference is marked provisional', async () => {
    const r = await run(['assess', '--case', 'c.json', '--treaty', 'coe-ets-112', '--json'], { 'c.json': theftCase(null) });
    const json = JSON.parse(r.out);
    expect(json.referenceDate).toBe('2026-11-29');
    expect(json.referenceProvisional).toBe(true);
    expect(json.flags).toContain('reference_date_provisional');
    // 2024-03-15 is long past on 2026-11-29: nothing remains.
    expect(json.verdict).toBe('ineligible');
  });
});

describe('tsp assess report', () => {
  it('puts the verdict first, then every condition with its article, then the dates with the arithmetic', async () => {
    const r = await run(['assess', '--case', 'c.json', '--treaty', 'coe-ets-112'], { 'c.json': theftCase('2023-09-16') });
    expect(r.code).toBe(0);
    const lines = r.out.split('\n');
    expect(lines[0]).toBe('Verdict: ELIGIBLE BY EXCEPTION');
    expect(r.out.indexOf('Conditions:')).toBeLessThan(r.out.indexOf('Dates:'));
    expect(r.out).toContain('ETS 112 Art. 3(1)(c)');
    expect(r.out).toContain('Threshold: 2023-09-16 + 6 months = 2024-03-16.');
    expect(r.out).toContain('S1: 2022-03-15 + 2 years = 2024-03-15');
  });

  it('renders in Traditional Chinese with --lang zh-Hant', async () => {
    const r = await run(['assess', '--case', 'c.json', '--treaty', 'coe-ets-112', '--lang', 'zh-Hant'], { 'c.json': theftCase('2023-09-16') });
    expect(r.out.split('\n')[0]).toContain('例外情況下符合資格');
    // The law cited in Chinese too: a condition's source, and the one a condition not in the rule-set names.
    expect(r.out).toContain('《移交被判刑人士公約》第 3(1)(e) 條');
    expect(r.out).toContain('此規則集並無此條件（《移交被判刑人士公約》（無死刑方面的條件））。');
    expect(r.out).not.toContain('ETS 112 Art.');
  });
});

describe('tsp assess: bad input exits 2 and names each bad field', () => {
  it('reports every invalid field of a case file, not just the first', async () => {
    const bad = { ...theftCase('2023-09-16'), administeringState: 'gbr', sentences: [{ id: 'S1', start: '2023-02-30', term: { years: -1 }, offences: ['O9'] }] };
    const r = await run(['assess', '--case', 'c.json', '--treaty', 'coe-ets-112'], { 'c.json': bad });
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toContain('administeringState: must be an ISO 3166-1 alpha-2 code');
    expect(r.err).toContain('sentences[0].start: must be a real calendar date');
    expect(r.err).toContain('sentences[0].term');
    expect(r.err).toContain('sentences[0].offences[0]: names no offence of this case ("O9")');
  });

  it.each([
    ['an unknown treaty', ['--treaty', 'no-such-treaty'], 'unknown treaty "no-such-treaty"'],
    ['a malformed --on', ['--treaty', 'coe-ets-112', '--on', '2024-02-30'], '--on must be a calendar date'],
    ['no treaty at all', [], 'give --treaty ID or --treaty-file FILE'],
  ])('%s', async (_name, extra, message) => {
    const r = await run(['assess', '--case', 'c.json', ...extra], { 'c.json': theftCase('2023-09-16') });
    expect(r.code).toBe(2);
    expect(r.err).toContain(message);
  });

  it('a file that is not JSON, or missing', async () => {
    expect((await run(['assess', '--case', 'c.json', '--treaty', 'coe-ets-112'], { 'c.json': '{"format": ' })).err).toContain('is not valid JSON');
    const missing = await run(['assess', '--case', 'nope.json', '--treaty', 'coe-ets-112'], {});
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('cannot read case file nope.json: ENOENT');
  });

  it('a case that is not tsp-case/1', async () => {
    const r = await run(['assess', '--case', 'c.json', '--treaty', 'coe-ets-112'], { 'c.json': { format: 'tsp-case/2' } });
    expect(r.code).toBe(2);
    expect(r.err).toContain('format: must be "tsp-case/1"');
    expect(r.err).toContain('sentencingState: is required');
  });
});

describe('tsp assess --treaty-file', () => {
  it('takes an edited rule-set: hk-us-1997 counted to expiry instead of discharge with remission (T10)', async () => {
    const show = await run(['treaties', 'show', 'hk-us-1997', '--json'], {});
    const ruleSet = JSON.parse(show.out);
    ruleSet.remainingBasis = { value: 'expiry', source: 'local setting', confidence: 'U' };
    const t10 = {
      format: 'tsp-case/1', sentencingState: 'HK', administeringState: 'US',
      person: { familyName: 'DOE', nationalities: ['US'] },
      judgment: { final: true, appealPending: false },
      sentences: [{ id: 'S1', start: '2023-01-16', term: { years: 3 }, offences: ['O1'] }],
      remandDays: 60,
      offences: [{ id: 'O1', categories: ['eu:illicit-trafficking-narcotics'], dualCriminality: 'yes' }],
      consent: { status: 'given', by: 'person' },
      events: { request: '2024-03-01' },
    };
    const builtIn = JSON.parse((await run(['assess', '--case', 'c.json', '--treaty', 'hk-us-1997', '--json'], { 'c.json': t10 })).out);
    expect(builtIn).toMatchObject({ verdict: 'ineligible', dates: { releaseDate: '2024-11-17', remissionDays: 365, remainingDays: 261 } });
    const edited = JSON.parse((await run(['assess', '--case', 'c.json', '--treaty-file', 'r.json', '--json'], { 'c.json': t10, 'r.json': ruleSet })).out);
    expect(edited).toMatchObject({ dates: { releaseDate: '2025-11-17', sentenceExpiryDate: '2025-11-16', remainingDays: 626 } });
    const status = (id: string) => (edited.conditions as { id: string; status: string }[]).find((c) => c.id === id)?.status;
    // The time test now passes, but the agreement has not operated since 19 August 2020 (treaty map): still ineligible.
    expect([status('remaining-sentence'), status('treaty-basis'), edited.verdict]).toEqual(['met', 'not_met', 'ineligible']);
  });

  it('rejects an invalid rule-set file with its bad fields', async () => {
    const r = await run(['assess', '--case', 'c.json', '--treaty-file', 'r.json'], { 'c.json': theftCase('2023-09-16'), 'r.json': { format: 'tsp-ruleset/1', id: 'X' } });
    expect(r.code).toBe(2);
    expect(r.err).toContain('id: must be lower-case letters');
    expect(r.err).toContain('referenceEvent');
  });
});

describe('tsp treaties', () => {
  it('lists the built-in rule-sets', async () => {
    const r = await run(['treaties', 'list', '--json'], {});
    expect(JSON.parse(r.out).map((t: { id: string }) => t.id)).toEqual(BUILT_IN_RULESETS.map((t) => t.id));
  });

  it('lists every Hong Kong arrangement with its entry into force from the treaty map, or "not found [U]"', async () => {
    const r = await run(['treaties', 'list'], {});
    const line = (id: string) => r.out.split('\n').find((l) => l.startsWith(`${id} `)) ?? '';
    expect(line('hk-gb')).toMatch(/ 1998-03-19 \[S\] /);
    expect(line('hk-us-1997')).toMatch(/ 1999-04-18 \[S\], not operative since 2020-08-19 /);
    expect(line('hk-th')).toMatch(/ by 2005-09-16 \[S\] /);
    for (const id of ['hk-pt', 'hk-es', 'hk-kr', 'hk-ng', 'hk-zm', 'hk-ru-2021']) expect(line(id)).toMatch(/ not found \[U\] /);
    expect(line('coe-ets-112')).toMatch(/ 1985-07-01 \[C\] /);
    const json = JSON.parse((await run(['treaties', 'list', '--json'], {})).out) as { id: string; treatyMap: unknown }[];
    expect(json.find((t) => t.id === 'hk-mo')?.treatyMap).toEqual({ instrument: 'hk-mo', party: 'HK', entryIntoForce: '2005-12-01', inForceBy: null, ceasesFrom: null, confidence: 'S' });
  });

  it('shows every parameter with its source and confidence', async () => {
    const r = await run(['treaties', 'show', 'hk-ru-2021'], {});
    expect(r.code).toBe(0);
    for (const key of PARAMETER_KEYS) expect(r.out).toMatch(new RegExp(`\\[[CSU]\\] ${key}: `));
    expect(r.out).not.toMatch(/\[C\] \w+:/);
  });

  it('an unknown id exits 2', async () => {
    expect((await run(['treaties', 'show', 'nope'], {})).code).toBe(2);
  });
});

describe('the real command', () => {
  it('npm run -s tsp -- assess works from the repository without a build step', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tsp-cli-'));
    const file = path.join(dir, 'case.json');
    fs.writeFileSync(file, JSON.stringify(theftCase('2023-09-15')));
    const out = execFileSync('npm', ['run', '-s', 'tsp', '--', 'assess', '--case', file, '--treaty', 'coe-ets-112', '--json'], {
      cwd: path.resolve(import.meta.dirname, '..'),
      encoding: 'utf8',
    });
    expect(JSON.parse(out).verdict).toBe('eligible');
  });
});
