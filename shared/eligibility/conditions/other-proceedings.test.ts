/**
 * No other criminal proceedings pending against the person.
 * Each case starts from a valid minimal tsp-case/1 and changes only the facts under test.
 */
import { describe, expect, it } from 'vitest';
import { evaluateOtherProceedings } from './other-proceedings.ts';
import { type CaseFile } from '../../domain/case.ts';
import { type RuleSet } from '../../treaties/schema.ts';
import { makeCase, ruleSet, contextOf, expectCondition } from '../testing.ts';


const evaluate = (c: CaseFile, rs: RuleSet) => evaluateOtherProceedings(contextOf(c, rs));
const fromThailand = (otherProceedingsPending: boolean | null) =>
  makeCase({ sentencingState: 'TH', administeringState: 'US', person: { nationalities: ['US'] }, judgment: { otherProceedingsPending } });

describe('no other proceedings pending (US–Thailand Art. II(5); CRM 732 (7); Russian bilateral Art. 4(1)(b))', () => {
  it('US–Thailand, no other proceedings: met', () => {
    expectCondition(evaluate(fromThailand(false), ruleSet('us-th-1982')), 'met', 'mandatory', 'US–Thailand Treaty Art. II(5)');
  });

  it('US–Thailand, other proceedings pending: not met', () => {
    const r = evaluate(fromThailand(true), ruleSet('us-th-1982'));
    expectCondition(r, 'not_met', 'mandatory', 'US–Thailand Treaty Art. II(5)');
    expect(r.clearsOn).toBeNull();
  });

  it('US–Thailand, not recorded: unknown, judgment.otherProceedingsPending missing', () => {
    const r = evaluate(fromThailand(null), ruleSet('us-th-1982'));
    expectCondition(r, 'unknown', 'mandatory', 'Art. II(5)');
    expect(r.missing).toEqual(['judgment.otherProceedingsPending']);
  });

  it('US IPTP, other charges pending: not met (CRM 732 (7))', () => {
    expectCondition(evaluate(fromThailand(true), ruleSet('us-iptp')), 'not_met', 'mandatory', 'Criminal Resource Manual 732 (7)');
  });

  it('Russian bilateral, proceedings pending in respect of the person: not met (Art. 4(1)(b))', () => {
    expectCondition(evaluate(fromThailand(true), ruleSet('ru-bilateral')), 'not_met', 'mandatory', 'Russian bilateral Agreement Art. 4(1)(b)');
  });

  it('ETS 112 has no such condition: not applicable even with proceedings pending', () => {
    expectCondition(evaluate(fromThailand(true), ruleSet('coe-ets-112')), 'not_applicable', 'mandatory', 'ETS 112');
  });
});
