/** The version diff: a parameter is listed with exactly the parts that changed, in group order; equal versions differ in nothing. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { changesDecisions, diffRuleSets, sameJson } from './diff.ts';
import { builtInRuleSet } from './library.ts';
import type { RuleSet } from './schema.ts';

const ets112 = () => structuredClone(builtInRuleSet('coe-ets-112')!);

describe('diffRuleSets', () => {
  it('finds nothing between a version and itself', () => {
    const d = diffRuleSets(ets112(), ets112());
    expect(d).toEqual({ metadata: [], parameters: [], consentExceptions: false });
    expect(changesDecisions(d)).toBe(false);
  });

  it('names the minimum remaining changing from 6 to 12 months as a change of value, under "remaining-sentence"', () => {
    const after: RuleSet = { ...ets112(), version: '2026', effectiveFrom: '2026-11-01' };
    after.minRemaining = { ...after.minRemaining, value: { duration: { years: 0, months: 12, days: 0 }, effect: 'mandatory-with-exception' } };
    const d = diffRuleSets(ets112(), after);
    expect(d.metadata.map((m) => m.field)).toEqual(['version', 'effectiveFrom']);
    expect(d.parameters).toHaveLength(1);
    expect(d.parameters[0]).toMatchObject({ key: 'minRemaining', group: 'remaining-sentence', aspects: ['value'] });
    expect(changesDecisions(d)).toBe(true);
  });

  it('tells a reworded source or a confirmed parameter from a change of value', () => {
    const after = ets112();
    after.remainingBasis = { ...after.remainingBasis, source: 'ETS 112 Explanatory Report §20', confidence: 'S', note: 'checked' };
    const d = diffRuleSets(ets112(), after);
    expect(d.parameters).toEqual([expect.objectContaining({ key: 'remainingBasis', aspects: ['source', 'confidence', 'note'] })]);
    expect(changesDecisions(d)).toBe(false);
  });

  it('notices the consent-free routes changing', () => {
    const after = ets112();
    after.consentExceptions = [{ kind: 'expulsion-in-sentence', opinionRequired: true, notForAdministeringStates: [], source: 'x', confidence: 'C' }];
    expect(diffRuleSets(ets112(), after).consentExceptions).toBe(true);
  });
});

describe('sameJson', () => {
  it('is equality of JSON values: reflexive, symmetric, and blind to key order and undefined keys', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (a, b) => {
        expect(sameJson(a, structuredClone(a))).toBe(true);
        expect(sameJson(a, b)).toBe(sameJson(b, a));
        // Equal serialisations are equal values (the converse needs key order, checked below).
        if (JSON.stringify(a) === JSON.stringify(b)) expect(sameJson(a, b)).toBe(true);
        expect(sameJson({ k: a }, { k: a, extra: 1 })).toBe(false);
      }),
    );
    expect(sameJson({ a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1 })).toBe(true);
    expect(sameJson({ a: 1, x: undefined }, { a: 1 })).toBe(true);
    expect(sameJson([1, 2], [2, 1])).toBe(false);
    expect(sameJson({ a: null }, {})).toBe(false);
  });
});
