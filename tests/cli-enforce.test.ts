/** `tsp enforce`: the sentence an incoming case will serve here, in-process and as a real process. */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../electron/cli.ts';
import { ENFORCEMENT_FLAGS, ENFORCEMENT_STATUSES } from '../shared/enforcement/types.ts';
import { memoryIo } from './cli-io.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const fixture = (name: string): unknown => JSON.parse(fs.readFileSync(path.join(ROOT, 'fixtures', 'enforcement', `${name}.case.json`), 'utf8'));
const E01 = fixture('E01-adapted-above-our-maximum');

async function run(args: string[], files: Record<string, unknown> = { 'c.json': E01 }) {
  const io = memoryIo(files); // today: 2026-11-29
  const code = await main(args, io);
  return { code, out: io.stdout(), err: io.stderr() };
}

describe('tsp enforce --json', () => {
  it('prints the contract object: the sentence imposed, each sentence against our maximum, the enforced term, time served and the release (E01)', async () => {
    const r = await run(['enforce', '--case', 'c.json', '--handover', '2024-09-10', '--json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(Object.keys(json)).toEqual([
      'status', 'regime', 'procedure', 'procedureSource', 'allowedProcedures', 'handover', 'handoverSource', 'imposed', 'sentences',
      'ceilingRelease', 'decision', 'enforced', 'served', 'remainingDays', 'release', 'flags', 'missing', 'handoverProvisional', 'arithmetic',
    ]);
    expect(json).toMatchObject({
      status: 'computed',
      procedure: 'continued',
      procedureSource: 'case',
      handover: '2024-09-10',
      handoverProvisional: false,
      imposed: { kind: 'fixed', releaseDate: '2027-12-06' },
      sentences: [{ id: 'S1', outcome: 'adapted', maximum: 72, enforced: { years: 6, months: 0, days: 0 } }],
      enforced: { kind: 'fixed', basis: 'limits', releaseDate: '2025-12-05' },
      served: { totalDays: 1740 },
      remainingDays: 451,
      release: { projectedRelease: '2025-12-05' },
      flags: ['adapted_to_our_maximum'],
    });
    expect(ENFORCEMENT_STATUSES).toContain(json.status);
    expect(json.arithmetic[0]).toEqual({ text: 'Handover on 2024-09-10 (given).', messageKey: 'enforce.step.handover.given', params: { date: { date: '2024-09-10' } } });
  });

  it('without --handover, the handover is today and marked provisional', async () => {
    const json = JSON.parse((await run(['enforce', '--case', 'c.json', '--json'])).out);
    expect(json).toMatchObject({ handover: '2026-11-29', handoverSource: 'today', handoverProvisional: true });
    expect(json.flags).toContain('handover_provisional');
  });

  it('--procedure conversion asks for the converting decision and gives the latest end it may have', async () => {
    const json = JSON.parse((await run(['enforce', '--case', 'c.json', '--handover', '2024-09-10', '--procedure', 'conversion', '--json'])).out);
    expect(json).toMatchObject({ status: 'needs_decision', procedure: 'conversion', procedureSource: 'given', ceilingRelease: '2026-03-15' });
    expect(json.flags).toContain('awaiting_decision');
  });
});

describe('tsp enforce (report)', () => {
  it('reads the status first, then the figures, then every step, in Traditional Chinese', async () => {
    const r = await run(['enforce', '--case', 'c.json', '--handover', '2024-09-10', '--lang', 'zh-Hant']);
    expect(r.code).toBe(0);
    const lines = r.out.split('\n');
    expect(lines[0]).toBe('執行刑罰: 已計算');
    expect(r.out).toContain('移交後須在本地服刑: 451 日');
    expect(r.out).toContain('按本地規則預計釋放: 2025-12-05');
    expect(r.out).toContain('超過本地最高刑罰：減至該上限: 6年');
  });

  it('a refused decision says so and enforces nothing (E03)', async () => {
    const r = await run(['enforce', '--case', 'c.json', '--handover', '2024-04-15'], { 'c.json': fixture('E03-conversion-that-would-aggravate') });
    expect(r.out.split('\n')[0]).toBe('Enforcement: DECISION REFUSED');
    expect(r.out).toContain('Decision: District Court of Amsterdam, 2024-05-02: 4 years 3 months — beyond the limits, refused and not applied');
    expect(r.out).toContain('To be enforced here: —');
  });
});

describe('tsp enforce: bad input is exit 2, naming what is wrong', () => {
  it.each([
    [['enforce'], 'enforce needs --case FILE.json'],
    [['enforce', '--case', 'c.json', '--handover', '2024-02-30'], '--handover must be a calendar date written YYYY-MM-DD, not "2024-02-30"'],
    [['enforce', '--case', 'c.json', '--procedure', 'pardon'], '--procedure must be one of continued, conversion, not "pardon"'],
    [['enforce', '--case', 'missing.json'], 'cannot read case file missing.json: ENOENT'],
  ])('%j', async (args, message) => {
    const r = await run(args);
    expect(r.code).toBe(2);
    expect(r.err).toContain(message);
    expect(r.out).toBe('');
  });

  it('a case file with a bad maximum or procedure names each field', async () => {
    const bad = { ...(E01 as object), offences: [{ id: 'O1', administeringMaxPenaltyMonths: 'forever' }], enforcement: { procedure: 'pardon' } };
    const r = await run(['enforce', '--case', 'c.json'], { 'c.json': bad });
    expect(r.code).toBe(2);
    expect(r.err).toContain('offences[0].administeringMaxPenaltyMonths: must be a whole number of months or "life"');
    expect(r.err).toContain('enforcement.procedure: must be "continued" or "conversion"');
  });
});

describe('tsp enforce as a real process', () => {
  it('prints the JSON for a fixture file', () => {
    const file = path.join(ROOT, 'fixtures', 'enforcement', 'E04-conversion-crediting-time-served.case.json');
    const out = execFileSync('npm', ['run', '-s', 'tsp', '--', 'enforce', '--case', file, '--handover', '2024-01-30', '--json'], { cwd: ROOT, encoding: 'utf8' });
    expect(JSON.parse(out)).toMatchObject({ status: 'computed', procedure: 'conversion', remainingDays: 36, served: { totalDays: 1607 } });
  });
});

describe('docs/case-format.md', () => {
  it('names every status and flag of tsp enforce --json', () => {
    const doc = fs.readFileSync(path.join(ROOT, 'docs', 'case-format.md'), 'utf8');
    const section = doc.slice(doc.indexOf('## `tsp enforce`'));
    for (const word of [...ENFORCEMENT_STATUSES, ...ENFORCEMENT_FLAGS]) expect(section, word).toContain(`\`${word}\``);
  });
});
