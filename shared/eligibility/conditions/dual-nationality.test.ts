/**
 * Dual nationality with the sentencing State (a refusal ground, or a bar where configured).
 * Each case starts from a valid minimal tsp-case/1 and changes only the facts under test.
 */
import { describe, expect, it } from 'vitest';
import { evaluateDualNationality } from './dual-nationality.ts';
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
