/**
 * Financial obligations of the judgment: mandatory payment or a discretionary ground.
 * Each case starts from a valid minimal tsp-case/1 and changes only the facts under test.
 */
import { describe, expect, it } from 'vitest';
import { evaluateFinancialObligations } from './financial-obligations.ts';
import { parseCase, type CaseFile } from '../../domain/case.ts';
import { parseIsoDate } from '../../sentence/calendar.ts';
import { computeSentences } from '../../sentence/compute.ts';
import { profileFor } from '../../treaties/jurisdictions.ts';
import { builtInRuleSet } from '../../treaties/library.ts';
import { ruleSetSchema, type RuleSet } from '../../treaties/schema.ts';
import { referenceFor } from '../engine.ts';
import type { AssessmentContext, ConditionEffect, ConditionResult, ConditionStatus } from '../types.ts';

// --- local case helper: a valid minimal tsp-case/1 (ETS 112 T01: a Polish national sentenced in
// France to 5 years from 2021-06-15, every event on 2023-03-01), overridden field by field.
const MINIMAL_CASE = {
  format: 'tsp-case/1',
  sentencingState: 'FR',
  administeringState: 'PL',
  person: { nationalities: ['PL'], permanentResidence: [], livesIn: 'PL', representativeNeeded: false, dateOfBirth: '1985-03-14' },
  judgment: { final: true, appealPending: false, appealPeriodEnds: null, otherProceedingsPending: false, deathSentence: false, deathSentenceCommuted: false },
  sentences: [{ id: 'S1', start: '2021-06-15', term: { years: 5, months: 0, days: 0 }, consecutiveTo: null, offences: ['O1'] }],
  remandDays: 0,
  offences: [{ id: 'O1', description: 'Burglary', categories: [], maxPenaltyMonths: 120, dualCriminality: 'yes' }],
  consent: { status: 'given', by: 'person', date: '2023-01-10', withdrawnOn: null, verified: true, opinionRecorded: false },
  financialObligations: [],
  expulsion: null,
  leftSentencingState: null,
  events: { application: '2023-03-01', request: '2023-03-01', requestReceived: '2023-03-01', judgmentReceived: '2023-03-01', statesAgreed: null },
};
type Fields = Record<string, unknown>;
interface CasePatch extends Fields {
  person?: Fields;
  judgment?: Fields;
  consent?: Fields | null;
  events?: Fields;
}
function makeCase(patch: CasePatch = {}): CaseFile {
  const { person, judgment, consent, events, ...rest } = patch;
  const parsed = parseCase({
    ...MINIMAL_CASE,
    ...rest,
    person: { ...MINIMAL_CASE.person, ...person },
    judgment: { ...MINIMAL_CASE.judgment, ...judgment },
    consent: consent === null ? null : { ...MINIMAL_CASE.consent, ...consent },
    events: { ...MINIMAL_CASE.events, ...events },
  });
  if (!parsed.ok) throw new Error(`invalid test case: ${JSON.stringify(parsed.errors)}`);
  return parsed.value;
}
/** A built-in rule-set by id, optionally with parameters replaced (and validated again). */
function ruleSet(id: string, patch: Partial<RuleSet> = {}): RuleSet {
  const base = builtInRuleSet(id);
  if (!base) throw new Error(`no built-in rule-set "${id}"`);
  return ruleSetSchema.parse({ ...base, ...patch });
}
/** What the engine hands an evaluator; the reference is the rule-set's event unless `on` is given. */
function contextOf(c: CaseFile, rs: RuleSet, on?: string): AssessmentContext {
  const profile = profileFor(c.sentencingState);
  const reference = referenceFor(c, rs, on == null ? null : parseIsoDate(on), parseIsoDate('2000-01-01')).day;
  return { case: c, ruleSet: rs, profile, reference, sentence: computeSentences(c.sentences, c.remandDays, profile, reference) };
}
function expectCondition(r: ConditionResult, status: ConditionStatus, effect: ConditionEffect, source: string): void {
  expect({ status: r.status, effect: r.effect }).toEqual({ status, effect });
  expect(r.source).toContain(source);
}
// --- end of helper

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
