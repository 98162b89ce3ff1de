/**
 * Minimum part of the sentence served (C7: served = (REF - S) + remand; required = ceil(f x T)).
 * Each case starts from a valid minimal tsp-case/1 and changes only the facts under test.
 */
import { describe, expect, it } from 'vitest';
import { evaluateMinimumServed } from './minimum-served.ts';
import { parseCase, type CaseFile } from '../../domain/case.ts';
import { formatIsoDate, parseIsoDate } from '../../sentence/calendar.ts';
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

const evaluate = (c: CaseFile, rs: RuleSet, on?: string) => evaluateMinimumServed(contextOf(c, rs, on));
/** T11/T12: 6 years from 2021-02-01 in Thailand (T = 2191 days, one third = 731 days). */
const thai = (application: string, patch: CasePatch = {}) =>
  makeCase({
    sentencingState: 'TH',
    administeringState: 'US',
    person: { nationalities: ['US'] },
    sentences: [{ id: 'S1', start: '2021-02-01', term: { years: 6 }, offences: ['O1'] }],
    events: { application },
    ...patch,
  });

describe('minimum period served: one third of the term in Thailand (US–Thailand Art. II(6))', () => {
  const usth = ruleSet('us-th-1982');

  it('T11: application 2023-06-01: 850 of 731 required days served: met', () => {
    const r = evaluate(thai('2023-06-01'), usth);
    expectCondition(r, 'met', 'mandatory', 'US–Thailand Treaty Art. II(6)');
    expect(r.params).toMatchObject({ served: 850, required: 731, termDays: 2191 });
  });

  it('T12: application 2022-06-01: 485 of 731 days: not met, clears on 2023-02-02 (2021-02-01 + 731 days)', () => {
    const r = evaluate(thai('2022-06-01'), usth);
    expectCondition(r, 'not_met', 'mandatory', 'Art. II(6)');
    expect(r.params).toMatchObject({ served: 485, required: 731 });
    expect(formatIsoDate(r.clearsOn as number)).toBe('2023-02-02');
  });

  it('the clearing date is the first day it is met: 2023-02-01 not met, 2023-02-02 met', () => {
    expect(evaluate(thai('2022-06-01'), usth, '2023-02-01').status).toBe('not_met');
    expect(evaluate(thai('2022-06-01'), usth, '2023-02-02').status).toBe('met');
  });

  it('credited remand counts as served (100 days: 585 served, clears on 2022-10-25)', () => {
    const r = evaluate(thai('2022-06-01', { remandDays: 100 }), usth);
    expect(r.status).toBe('not_met');
    expect(r.params.served).toBe(585);
    expect(formatIsoDate(r.clearsOn as number)).toBe('2022-10-25');
  });

  it('the required part is rounded up: ceil(2191 / 3) = 731, not 730', () => {
    expect(evaluate(thai('2022-06-01'), usth, '2023-02-01').params.required).toBe(731);
  });

  it('remand not recorded and too little served without it: unknown, remandDays missing', () => {
    const r = evaluate(thai('2022-06-01', { remandDays: null }), usth);
    expectCondition(r, 'unknown', 'mandatory', 'Art. II(6)');
    expect(r.missing).toEqual(['remandDays']);
  });

  it('remand not recorded but enough served without it: met', () => {
    expectCondition(evaluate(thai('2023-06-01', { remandDays: null }), usth), 'met', 'mandatory', 'Art. II(6)');
  });

  it('a life sentence when the law\'s minimum for life is not known: unknown', () => {
    const r = evaluate(thai('2023-06-01', { sentences: [{ id: 'S1', start: '2015-01-01', term: 'life', offences: ['O1'] }] }), usth);
    expectCondition(r, 'unknown', 'mandatory', 'Art. II(6)');
    expect(r.missing).toEqual(['rule-set: minimum period for a life sentence']);
  });

  it('the rule is Thai law: a sentence imposed in the United States: not applicable', () => {
    const r = evaluate(thai('2022-06-01', { sentencingState: 'US', administeringState: 'TH', person: { nationalities: ['TH'] } }), usth);
    expectCondition(r, 'not_applicable', 'mandatory', 'US–Thailand Treaty Art. II(6)');
  });

  it('ETS 112 has no minimum period served: not applicable', () => {
    expectCondition(evaluate(thai('2022-06-01'), ruleSet('coe-ets-112')), 'not_applicable', 'mandatory', 'ETS 112');
  });

  it('Hong Kong–Thailand applies the Thai minimum to sentences imposed in Thailand (T12)', () => {
    const c = thai('2022-06-01', { administeringState: 'HK', person: { nationalities: ['PH'], permanentResidence: ['HK'] } });
    const r = evaluate(c, ruleSet('hk-th'));
    expectCondition(r, 'not_met', 'mandatory', 'one third reported by the Thai Corrections Department');
    expect(formatIsoDate(r.clearsOn as number)).toBe('2023-02-02');
  });
});
