/**
 * A stored result as its outcome and its law's texts (toStoredDocuments), and joined again: the
 * JSON of toStoredAssessment's result, byte for byte, whatever the texts hold.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCase } from '../domain/case.ts';
import { parseIsoDate } from '../sentence/calendar.ts';
import { profileFor } from '../treaties/jurisdictions.ts';
import { builtInRuleSet } from '../treaties/library.ts';
import { builtInTreatyMap } from '../treaties/map/built-in/index.ts';
import { assess } from './engine.ts';
import { toStoredAssessment, toStoredDocuments } from './report.ts';
import type { Assessment } from './types.ts';
import { joinResult, joinStoredResult, type LawTexts, type StoredOutcome } from './stored-result.ts';
import { makeCase, ruleSet } from './testing.ts';

const FIXTURES = fileURLToPath(new URL('../../fixtures', import.meta.url));
const TODAY = parseIsoDate('2026-11-29');

/** Every golden case under its own rule-set, as the engine assessed it. */
function goldenAssessments(): Assessment[] {
  const out: Assessment[] = [];
  for (const folder of readdirSync(FIXTURES)) {
    const rules = builtInRuleSet(folder);
    if (rules === undefined || !statSync(join(FIXTURES, folder)).isDirectory()) continue;
    for (const file of readdirSync(join(FIXTURES, folder)).filter((f) => f.endsWith('.case.json'))) {
      const parsed = parseCase(JSON.parse(readFileSync(join(FIXTURES, folder, file), 'utf8')));
      if (!parsed.ok) continue;
      const c = parsed.value;
      out.push(assess(c, rules, { today: TODAY, profile: profileFor(c.sentencingState), map: builtInTreatyMap() }));
    }
  }
  return out;
}

const written = (a: Assessment): string => {
  const { outcome, texts } = toStoredDocuments(a);
  return joinStoredResult(JSON.stringify(outcome), JSON.stringify(texts));
};

/** The keys of a stored result, in the order the store has always written them. */
const RESULT_KEYS = ['verdict', 'flags', 'rescreenOn', 'transferWindow', 'treaty', 'treatyMap', 'referenceDate', 'referenceSource', 'referenceEvent', 'dates', 'conditions', 'steps'];
const CONDITION_KEYS = ['id', 'status', 'effect', 'source', 'confidence', 'messageKey', 'params', 'missing', 'flags', 'clearsOn'];

describe('a stored result as outcome and texts', () => {
  it('joins back to the JSON of every golden result, byte for byte, its keys in the order they were always written', () => {
    const assessments = goldenAssessments();
    expect(assessments.length).toBeGreaterThan(50);
    for (const a of assessments) {
      const result = toStoredAssessment(a);
      expect(written(a)).toBe(JSON.stringify(result));
      expect(Object.keys(result)).toEqual(RESULT_KEYS);
      for (const c of result.conditions) expect(Object.keys(c)).toEqual(c.holdsFrom === undefined ? CONDITION_KEYS : [...CONDITION_KEYS, 'holdsFrom']);
    }
  });

  it('leaves the law out of the outcome: two versions differing only in their sources share it', () => {
    const c = makeCase();
    const options = { today: TODAY, profile: profileFor('CH'), map: builtInTreatyMap() };
    const base = ruleSet('coe-ets-112');
    const amended = ruleSet('coe-ets-112', { version: '2026-amended', link: { ...base.link, source: 'ETS 112 Art. 3(1)(a), as amended' } });
    const [a, b] = [base, amended].map((r) => toStoredDocuments(assess(c, r, options)));
    expect(JSON.stringify(a!.outcome)).toBe(JSON.stringify(b!.outcome));
    expect(JSON.stringify(a!.texts)).not.toBe(JSON.stringify(b!.texts));
    expect(a!.outcome).not.toHaveProperty('treaty');
    expect(a!.outcome.conditions[0]).not.toHaveProperty('source');
  });

  it('joins back whatever text, number or date the result holds (any code units, -0, exponents)', () => {
    const base = toStoredDocuments(assess(makeCase(), ruleSet('coe-ets-112'), { today: TODAY, profile: profileFor('CH'), map: builtInTreatyMap() }));
    const text = fc.string({ unit: 'binary', maxLength: 40 });
    const number = fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer(), fc.constant(-0));
    fc.assert(
      fc.property(text, text, text, number, fc.array(text, { maxLength: 3 }), (source, key, param, n, missing) => {
        const outcome = structuredClone(base.outcome) as StoredOutcome;
        const texts = structuredClone(base.texts) as LawTexts;
        texts.treaty.version = key;
        texts.sources[0]![0] = source;
        outcome.conditions[0]!.params = { [key]: param, n };
        outcome.conditions[0]!.missing = missing;
        outcome.steps.push({ key: param, params: { [param]: n } });
        expect(joinStoredResult(JSON.stringify(outcome), JSON.stringify(texts))).toBe(JSON.stringify(joinResult(outcome, texts)));
      }),
    );
  });

  it('refuses texts that do not belong to the outcome', () => {
    const { outcome, texts } = toStoredDocuments(assess(makeCase(), ruleSet('coe-ets-112'), { today: TODAY, profile: profileFor('CH'), map: builtInTreatyMap() }));
    expect(() => joinStoredResult(JSON.stringify(outcome), JSON.stringify({ ...texts, sources: [] }))).toThrow(/do not match/);
  });
});
