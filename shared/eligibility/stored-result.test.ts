/**
 * A stored result split into its outcome and its law's texts, and joined again: the JSON the
 * engine's result was written as, byte for byte, whatever the texts hold.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { StoredAssessment } from '../api-schemas.ts';
import { parseCase } from '../domain/case.ts';
import { parseIsoDate } from '../sentence/calendar.ts';
import { profileFor } from '../treaties/jurisdictions.ts';
import { builtInRuleSet } from '../treaties/library.ts';
import { builtInTreatyMap } from '../treaties/map/built-in/index.ts';
import { assess } from './engine.ts';
import { toStoredAssessment } from './report.ts';
import { joinStoredResult, splitStoredResult } from './stored-result.ts';
import { makeCase, ruleSet } from './testing.ts';

const FIXTURES = fileURLToPath(new URL('../../fixtures', import.meta.url));
const TODAY = parseIsoDate('2026-11-29');

/** Every golden case under its own rule-set, as the store keeps the result. */
function goldenResults(): StoredAssessment[] {
  const out: StoredAssessment[] = [];
  for (const folder of readdirSync(FIXTURES)) {
    const rules = builtInRuleSet(folder);
    if (rules === undefined || !statSync(join(FIXTURES, folder)).isDirectory()) continue;
    for (const file of readdirSync(join(FIXTURES, folder)).filter((f) => f.endsWith('.case.json'))) {
      const parsed = parseCase(JSON.parse(readFileSync(join(FIXTURES, folder, file), 'utf8')));
      if (!parsed.ok) continue;
      const c = parsed.value;
      out.push(toStoredAssessment(assess(c, rules, { today: TODAY, profile: profileFor(c.sentencingState), map: builtInTreatyMap() })));
    }
  }
  return out;
}

const roundTrip = (result: StoredAssessment): string => {
  const split = splitStoredResult(result);
  if (split === null) throw new Error('not split');
  return joinStoredResult(split.outcome, split.texts);
};

describe('a stored result as outcome and texts', () => {
  it('joins back to the JSON of every golden result, byte for byte', () => {
    const results = goldenResults();
    expect(results.length).toBeGreaterThan(50);
    for (const r of results) expect(roundTrip(r)).toBe(JSON.stringify(r));
  });

  it('leaves the law out of the outcome: two versions differing only in their sources share it', () => {
    const c = makeCase();
    const options = { today: TODAY, profile: profileFor('CH'), map: builtInTreatyMap() };
    const base = ruleSet('coe-ets-112');
    const amended = ruleSet('coe-ets-112', { version: '2026-amended', link: { ...base.link, source: 'ETS 112 Art. 3(1)(a), as amended' } });
    const [a, b] = [base, amended].map((r) => splitStoredResult(toStoredAssessment(assess(c, r, options)))!);
    expect(a!.outcome).toBe(b!.outcome);
    expect(a!.texts).not.toBe(b!.texts);
    expect(JSON.parse(a!.outcome)).not.toHaveProperty('treaty');
    expect(JSON.parse(a!.outcome).conditions[0]).not.toHaveProperty('source');
  });

  it('joins back whatever text, number or date the result holds (any code units, -0, exponents)', () => {
    const base = toStoredAssessment(assess(makeCase(), ruleSet('coe-ets-112'), { today: TODAY, profile: profileFor('CH'), map: builtInTreatyMap() }));
    const text = fc.string({ unit: 'binary', maxLength: 40 });
    const number = fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer(), fc.constant(-0));
    fc.assert(
      fc.property(text, text, text, number, fc.array(text, { maxLength: 3 }), (source, key, param, n, missing) => {
        const result = structuredClone(base);
        result.treaty.version = key;
        result.conditions[0]!.source = source;
        result.conditions[0]!.params = { [key]: param, n };
        result.conditions[0]!.missing = missing;
        result.steps.push({ key: param, params: { [param]: n } });
        expect(roundTrip(result)).toBe(JSON.stringify(result));
      }),
    );
  });

  it('does not split a result whose keys are not where the join puts them back: it is stored whole', () => {
    const result = toStoredAssessment(assess(makeCase(), ruleSet('coe-ets-112'), { today: TODAY, profile: profileFor('CH'), map: builtInTreatyMap() }));
    const { treaty, ...rest } = result;
    expect(splitStoredResult({ ...rest, treaty } as StoredAssessment)).toBeNull();
    const [first, ...others] = result.conditions;
    const { source, ...condition } = first!;
    expect(splitStoredResult({ ...result, conditions: [{ ...condition, source }, ...others] } as StoredAssessment)).toBeNull();
  });

  it('refuses texts that do not belong to the outcome', () => {
    const result = toStoredAssessment(assess(makeCase(), ruleSet('coe-ets-112'), { today: TODAY, profile: profileFor('CH'), map: builtInTreatyMap() }));
    const { outcome } = splitStoredResult(result)!;
    expect(() => joinStoredResult(outcome, JSON.stringify({ treaty: result.treaty, treatyMap: result.treatyMap, sources: [] }))).toThrow(/do not match/);
  });
});
