/** Malformed rule-set files are refused with every reason named by its field path; a good file passes unchanged. */
import { describe, expect, it } from 'vitest';
import { builtInRuleSet } from './library.ts';
import { parseRuleSetText } from './ruleset-file.ts';

const good = () => structuredClone(builtInRuleSet('hk-us-1997')!) as unknown as Record<string, unknown>;
const fields = (text: string) => {
  const r = parseRuleSetText(text);
  if (r.ok) throw new Error('expected a refusal');
  return r.problems;
};

describe('parseRuleSetText', () => {
  it('accepts an exported built-in as it is', () => {
    const r = parseRuleSetText(JSON.stringify(good()));
    expect(r.ok && r.ruleSet).toEqual(builtInRuleSet('hk-us-1997'));
  });

  it.each([
    ['not JSON at all', '{"format": "tsp-ruleset/1",', '(file)', /^is not JSON: /],
    ['the wrong format', { format: 'tsp-ruleset/2' }, 'format', /^must be "tsp-ruleset\/1"$/],
    ['an id with capitals', { id: 'HK-US' }, 'id', /lower-case letters, digits and hyphens/],
    ['an impossible effective date', { effectiveFrom: '2025-02-29' }, 'effectiveFrom', /real calendar date/],
    ['a parameter without its source', { minRemaining: { value: null, source: '', confidence: 'S' } }, 'minRemaining.source', /legal source/],
    ['a confidence that is not C, S or U', { dualNationality: { value: 'allow', source: 'x', confidence: 'maybe' } }, 'dualNationality.confidence', /"C" \(confirmed\)/],
    ['a zero minimum remaining', { minRemaining: { value: { duration: { months: 0 }, effect: 'mandatory' }, source: 'x', confidence: 'U' } }, 'minRemaining.value.duration', /longer than zero/],
    ['an unknown reference event', { referenceEvent: { value: 'arrest', source: 'x', confidence: 'U' } }, 'referenceEvent.value', /./],
    ['a case binding on a treaty for every case', { caseId: '0b7f6d1e-8a3c-4c2e-9f55-1d2a3b4c5d6e' }, 'caseId', /only an ad hoc arrangement/],
    ['a missing parameter', { finality: undefined }, 'finality', /is required/],
  ])('refuses %s, naming the field', (_, change, field, message) => {
    const text = typeof change === 'string' ? change : JSON.stringify({ ...good(), ...change });
    const problems = fields(text);
    expect(problems).toContainEqual(expect.objectContaining({ field, message: expect.stringMatching(message) }));
  });

  it('names every reason at once, not just the first', () => {
    const problems = fields(JSON.stringify({ ...good(), id: 'Bad Id', effectiveFrom: 'soon', partialTransfer: { value: 'yes', source: '', confidence: 'S' } }));
    expect(problems.map((p) => p.field)).toEqual(expect.arrayContaining(['id', 'effectiveFrom', 'partialTransfer.value', 'partialTransfer.source']));
  });
});
