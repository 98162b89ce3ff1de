/**
 * Financial obligations of the judgment: mandatory payment or a discretionary ground.
 * Each case starts from a valid minimal tsp-case/1 and changes only the facts under test.
 */
import { describe, expect, it } from 'vitest';
import { evaluateFinancialObligations } from './financial-obligations.ts';
import { type CaseFile } from '../../domain/case.ts';
import { type RuleSet } from '../../treaties/schema.ts';
import { makeCase, ruleSet, contextOf, expectCondition, type Fields } from '../testing.ts';


const evaluate = (c: CaseFile, rs: RuleSet) => evaluateFinancialObligations(contextOf(c, rs));
const owing = (financialObligations: Fields[] | null) => makeCase({ sentencingState: 'IT', administeringState: 'BR', person: { nationalities: ['BR'] }, financialObligations });
const fine = (paid: boolean | null, incapacityToPay: boolean | null = false): Fields => ({ kind: 'fine', amount: 10000, currency: 'EUR', paid, incapacityToPay });

describe('financial obligations paid unless absolute incapacity, mandatory (Italy–Brazil Art. 3(1)(g))', () => {
  const itbr = ruleSet('it-br-2008');

  it('no financial obligation: met', () => {
    expectCondition(evaluate(owing([]), itbr), 'met', 'mandatory', 'Italy–Brazil Treaty Art. 3(1)(g)');
  });

  it('the fine is paid: met', () => {
    expectCondition(evaluate(owing([fine(true)]), itbr), 'met', 'mandatory', 'Art. 3(1)(g)');
  });

  it('T26: a fine of EUR 10,000 unpaid, no incapacity: not met', () => {
    const r = evaluate(owing([fine(false, false)]), itbr);
    expectCondition(r, 'not_met', 'mandatory', 'Italy–Brazil Treaty Art. 3(1)(g)');
    expect(r.flags).toEqual([]);
  });

  it('T26b: unpaid but absolute incapacity to pay certified: met', () => {
    expectCondition(evaluate(owing([fine(false, true)]), itbr), 'met', 'mandatory', 'Art. 3(1)(g)');
  });

  it('unpaid and incapacity not recorded: unknown, the incapacity field missing', () => {
    const r = evaluate(owing([fine(false, null)]), itbr);
    expectCondition(r, 'unknown', 'mandatory', 'Art. 3(1)(g)');
    expect(r.missing).toEqual(['financialObligations[0].incapacityToPay']);
  });

  it('whether it was paid is not recorded: unknown, financialObligations[0].paid missing', () => {
    const r = evaluate(owing([fine(null)]), itbr);
    expectCondition(r, 'unknown', 'mandatory', 'Art. 3(1)(g)');
    expect(r.missing).toEqual(['financialObligations[0].paid']);
  });

  it('the list of obligations is not recorded: unknown, financialObligations missing', () => {
    const r = evaluate(owing(null), itbr);
    expectCondition(r, 'unknown', 'mandatory', 'Art. 3(1)(g)');
    expect(r.missing).toEqual(['financialObligations']);
  });

  it('unpaid compensation counts too (every kind is in scope)', () => {
    expectCondition(evaluate(owing([{ kind: 'compensation', amount: 500, currency: 'EUR', paid: false, incapacityToPay: false }]), itbr), 'not_met', 'mandatory', 'Art. 3(1)(g)');
  });

  it('a kind outside the rule-set\'s scope is ignored (scope fine only, compensation unpaid): met', () => {
    const finesOnly = ruleSet('it-br-2008', { financialObligations: { ...itbr.financialObligations, value: { rule: 'mandatory-paid-unless-incapacity', scope: ['fine'] } } });
    expectCondition(evaluate(owing([{ kind: 'compensation', paid: false, incapacityToPay: false }]), finesOnly), 'met', 'mandatory', 'Art. 3(1)(g)');
  });
});

describe('unpaid financial obligations as a discretionary refusal ground (Russian bilateral Art. 4(2)(b))', () => {
  const ru = ruleSet('ru-bilateral');

  it('nothing owed: met, discretionary', () => {
    expectCondition(evaluate(owing([]), ru), 'met', 'discretionary_refusal', 'Russian bilateral Agreement Art. 4(2)(b)');
  });

  it('an unpaid fine: not met as a discretionary ground, flagged discretionary_refusal:financial_obligations', () => {
    const r = evaluate(owing([fine(false)]), ru);
    expectCondition(r, 'not_met', 'discretionary_refusal', 'Art. 4(2)(b)');
    expect(r.flags).toEqual(['discretionary_refusal:financial_obligations']);
  });

  it('incapacity to pay does not remove the ground (only the mandatory rule has that exception)', () => {
    expectCondition(evaluate(owing([fine(false, true)]), ru), 'not_met', 'discretionary_refusal', 'Art. 4(2)(b)');
  });

  it('not recorded: unknown, discretionary', () => {
    const r = evaluate(owing(null), ru);
    expectCondition(r, 'unknown', 'discretionary_refusal', 'Art. 4(2)(b)');
    expect(r.missing).toEqual(['financialObligations']);
  });

  it('Hong Kong–Russia follows the Russian pattern, unconfirmed', () => {
    const r = evaluate(owing([fine(false)]), ruleSet('hk-ru-2021'));
    expectCondition(r, 'not_met', 'discretionary_refusal', 'pattern: Russian bilateral Agreement Art. 4(2)(b)');
    expect(r.confidence).toBe('U');
  });
});

describe('no financial condition (ETS 112)', () => {
  it('an unpaid fine under ETS 112: not applicable', () => {
    expectCondition(evaluate(owing([fine(false)]), ruleSet('coe-ets-112')), 'not_applicable', 'mandatory', 'ETS 112');
  });
});
