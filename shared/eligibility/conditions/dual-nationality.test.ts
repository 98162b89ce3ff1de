/**
 * Dual nationality with the sentencing State (a refusal ground, or a bar where configured).
 * Each case starts from a valid minimal tsp-case/1 and changes only the facts under test.
 */
import { describe, expect, it } from 'vitest';
import { evaluateDualNationality } from './dual-nationality.ts';
import { type CaseFile } from '../../domain/case.ts';
import { type RuleSet } from '../../treaties/schema.ts';
import { makeCase, ruleSet, contextOf, expectCondition } from '../testing.ts';


const evaluate = (c: CaseFile, rs: RuleSet) => evaluateDualNationality(contextOf(c, rs));
/** A US national sentenced in Thailand (US–Thailand 1982). */
const fromThailand = (nationalities: string[] | null) =>
  makeCase({ sentencingState: 'TH', administeringState: 'US', person: { nationalities } });

describe('dual nationality with the sentencing State (US–Thailand Art. II(7)(b): transfer may be refused)', () => {
  const usth = ruleSet('us-th-1982');

  it('a US national only: met, as a discretionary ground', () => {
    const r = evaluate(fromThailand(['US']), usth);
    expectCondition(r, 'met', 'discretionary_refusal', 'US–Thailand Treaty Art. II(7)(b)');
    expect(r.flags).toEqual([]);
  });

  it('a US and Thai national: not met, discretionary, flagged discretionary_refusal:dual_national', () => {
    const r = evaluate(fromThailand(['US', 'TH']), usth);
    expectCondition(r, 'not_met', 'discretionary_refusal', 'Art. II(7)(b)');
    expect(r.flags).toEqual(['discretionary_refusal:dual_national']);
  });

  it('nationalities not recorded: unknown, discretionary, person.nationalities missing', () => {
    const r = evaluate(fromThailand(null), usth);
    expectCondition(r, 'unknown', 'discretionary_refusal', 'Art. II(7)(b)');
    expect(r.missing).toEqual(['person.nationalities']);
  });

  it('ETS 112 has no dual-nationality ground: not applicable', () => {
    const r = evaluate(fromThailand(['US', 'TH']), ruleSet('coe-ets-112'));
    expectCondition(r, 'not_applicable', 'mandatory', 'ETS 112');
    expect(r.flags).toEqual([]);
  });

  it('Hong Kong–Thailand follows the US–Thailand pattern, marked as such', () => {
    const r = evaluate(makeCase({ sentencingState: 'TH', administeringState: 'HK', person: { nationalities: ['TH', 'PH'] } }), ruleSet('hk-th'));
    expectCondition(r, 'not_met', 'discretionary_refusal', 'pattern: US–Thailand Treaty Art. II(7)(b)');
    expect(r.confidence).toBe('U');
  });

  it('where a rule-set makes dual nationality a bar, it is a mandatory failure without a refusal flag', () => {
    const usth = ruleSet('us-th-1982');
    const barred = ruleSet('us-th-1982', { dualNationality: { ...usth.dualNationality, value: 'bar' } });
    const r = evaluate(fromThailand(['US', 'TH']), barred);
    expectCondition(r, 'not_met', 'mandatory', 'Art. II(7)(b)');
    expect(r.flags).toEqual([]);
  });
});
