/**
 * The judgment is final, under each of the three definitions a rule-set can name.
 * Each case starts from a valid minimal tsp-case/1 and changes only the facts under test.
 */
import { describe, expect, it } from 'vitest';
import { evaluateFinalJudgment } from './final-judgment.ts';
import { type CaseFile } from '../../domain/case.ts';
import { formatIsoDate } from '../../sentence/calendar.ts';
import { type RuleSet } from '../../treaties/schema.ts';
import { makeCase, ruleSet, contextOf, expectCondition, type Fields } from '../testing.ts';


const evaluate = (c: CaseFile, rs: RuleSet, on?: string) => evaluateFinalJudgment(contextOf(c, rs, on));
const iso = (day: number | null) => (day === null ? null : formatIsoDate(day));

describe('final judgment as the sentencing law records it (ETS 112 Art. 3(1)(b))', () => {
  const ets112 = ruleSet('coe-ets-112');

  it('recorded final, no appeal pending: met', () => {
    expectCondition(evaluate(makeCase({ judgment: { final: true, appealPending: false } }), ets112), 'met', 'mandatory', 'ETS 112 Art. 3(1)(b)');
  });

  it('recorded not final: not met', () => {
    expectCondition(evaluate(makeCase({ judgment: { final: false, appealPending: null } }), ets112), 'not_met', 'mandatory', 'ETS 112 Art. 3(1)(b)');
  });

  it('an appeal pending: not met, with no date on which it clears', () => {
    const r = evaluate(makeCase({ judgment: { final: null, appealPending: true } }), ets112);
    expectCondition(r, 'not_met', 'mandatory', 'Art. 3(1)(b)');
    expect(r.clearsOn).toBeNull();
  });

  it('finality not recorded: unknown, judgment.final missing', () => {
    const r = evaluate(makeCase({ judgment: { final: null, appealPending: false } }), ets112);
    expectCondition(r, 'unknown', 'mandatory', 'Art. 3(1)(b)');
    expect(r.missing).toEqual(['judgment.final']);
  });

  it('a rule-set that does not require finality: not applicable', () => {
    const rs = ruleSet('coe-ets-112', { finality: { ...ets112.finality, value: { required: false, definition: 'per-sentencing-law' } } });
    expectCondition(evaluate(makeCase({ judgment: { final: false } }), rs), 'not_applicable', 'mandatory', 'ETS 112 Art. 3(1)(b)');
  });
});

describe('final = no ordinary appeal pending and the appeal period expired (Inter-American Art. I(3))', () => {
  const oas = ruleSet('oas-1993');
  const judged = (judgment: Fields) => makeCase({ sentencingState: 'MX', administeringState: 'CA', person: { nationalities: ['CA'] }, judgment });

  it('recorded final: met', () => {
    expectCondition(evaluate(judged({ final: true, appealPending: false }), oas), 'met', 'mandatory', 'Inter-American Convention Art. I(3)');
  });

  it('finality not recorded, no appeal, period ended 2023-02-28, application 2023-03-01: met', () => {
    const r = evaluate(judged({ final: null, appealPending: false, appealPeriodEnds: '2023-02-28' }), oas);
    expectCondition(r, 'met', 'mandatory', 'Art. I(3)');
    expect(r.messageKey).toBe('cond.final.periodExpired');
  });

  it('the appeal period ends 2023-03-10, application 2023-03-01: not met, rescreen on 2023-03-11', () => {
    const r = evaluate(judged({ final: null, appealPending: false, appealPeriodEnds: '2023-03-10' }), oas);
    expectCondition(r, 'not_met', 'mandatory', 'Art. I(3)');
    expect(iso(r.clearsOn)).toBe('2023-03-11');
  });

  it('on the last day of the appeal period the period has not expired (ends 2023-03-01, application 2023-03-01): not met until 2023-03-02', () => {
    const c = judged({ final: null, appealPending: false, appealPeriodEnds: '2023-03-01' });
    const r = evaluate(c, oas);
    expectCondition(r, 'not_met', 'mandatory', 'Art. I(3)');
    expect(iso(r.clearsOn)).toBe('2023-03-02');
    expect(evaluate(c, oas, '2023-03-02').status).toBe('met');
  });

  it('Art. I(3) defines finality: recorded not final while the period ran, no appeal pending, assessed on 2023-03-11 after the period ended: met', () => {
    const c = judged({ final: false, appealPending: false, appealPeriodEnds: '2023-03-10' });
    const now = evaluate(c, oas);
    expect(now.status).toBe('not_met');
    expect(iso(now.clearsOn)).toBe('2023-03-11');
    expectCondition(evaluate(c, oas, '2023-03-11'), 'met', 'mandatory', 'Art. I(3)');
  });

  it('an ordinary appeal pending: not met, no clearing date', () => {
    const r = evaluate(judged({ final: null, appealPending: true, appealPeriodEnds: '2023-02-28' }), oas);
    expectCondition(r, 'not_met', 'mandatory', 'Art. I(3)');
    expect(r.clearsOn).toBeNull();
  });

  it('period ended but whether an appeal is pending is not recorded: unknown', () => {
    const r = evaluate(judged({ final: null, appealPending: null, appealPeriodEnds: '2023-02-28' }), oas);
    expectCondition(r, 'unknown', 'mandatory', 'Art. I(3)');
    expect(r.missing).toEqual(['judgment.final']);
  });
});

describe('final = no appeal or collateral attack pending (US practice, CRM 732 (4))', () => {
  const iptp = ruleSet('us-iptp');
  const judged = (judgment: Fields) => makeCase({ sentencingState: 'US', administeringState: 'MX', person: { nationalities: ['MX'] }, judgment });

  it('final and no appeal pending: met', () => {
    expectCondition(evaluate(judged({ final: true, appealPending: false }), iptp), 'met', 'mandatory', 'DOJ Criminal Resource Manual 732 (4)');
  });

  it('T15: an appeal pending: not met, rescreen only on the appeal\'s disposal (no date)', () => {
    const r = evaluate(judged({ final: true, appealPending: true }), iptp);
    expectCondition(r, 'not_met', 'mandatory', 'Criminal Resource Manual 732 (4)');
    expect(r.clearsOn).toBeNull();
  });

  it('recorded final but whether an appeal or collateral attack is pending is not recorded: unknown, judgment.appealPending missing', () => {
    const r = evaluate(judged({ final: true, appealPending: null }), iptp);
    expectCondition(r, 'unknown', 'mandatory', 'Criminal Resource Manual 732 (4)');
    expect(r.missing).toEqual(['judgment.appealPending']);
  });

  it('a rule-set that does not require finality: not applicable', () => {
    const rs = ruleSet('us-iptp', { finality: { ...iptp.finality, value: { required: false, definition: 'no-appeal-or-collateral-attack' } } });
    expectCondition(evaluate(judged({ final: false, appealPending: true }), rs), 'not_applicable', 'mandatory', 'Criminal Resource Manual 732 (4)');
  });
});
