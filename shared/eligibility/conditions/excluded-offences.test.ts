/**
 * Offences an instrument excludes from transfer.
 * Each case starts from a valid minimal tsp-case/1 and changes only the facts under test.
 */
import { describe, expect, it } from 'vitest';
import { evaluateExcludedOffences } from './excluded-offences.ts';
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

const evaluate = (c: CaseFile, rs: RuleSet) => evaluateExcludedOffences(contextOf(c, rs));
const withCategories = (...categories: (string[] | null)[]) =>
  makeCase({
    sentencingState: 'TH',
    administeringState: 'US',
    person: { nationalities: ['US'] },
    offences: categories.map((c, i) => ({ id: `O${i + 1}`, description: `offence ${i + 1}`, categories: c, maxPenaltyMonths: 120, dualCriminality: 'yes' })),
    sentences: [{ id: 'S1', start: '2019-08-01', term: { years: 12 }, offences: categories.map((_, i) => `O${i + 1}`) }],
  });

describe('excluded offences (US–Thailand Art. II(3): security, Head of State or family, national art treasures)', () => {
  const usth = ruleSet('us-th-1982');

  it('T13: an offence against the King: not met', () => {
    const r = evaluate(withCategories(['excluded:head-of-state-or-family']), usth);
    expectCondition(r, 'not_met', 'mandatory', 'US–Thailand Treaty Art. II(3)');
    expect(r.clearsOn).toBeNull();
  });

  it('an offence against State security: not met', () => {
    expectCondition(evaluate(withCategories(['excluded:state-security']), usth), 'not_met', 'mandatory', 'Art. II(3)');
  });

  it('national art treasures, as the second of two offences: not met', () => {
    expectCondition(evaluate(withCategories([], ['excluded:national-art-treasures']), usth), 'not_met', 'mandatory', 'Art. II(3)');
  });

  it('drug trafficking (no excluded category): met', () => {
    expectCondition(evaluate(withCategories(['eu:illicit-trafficking-narcotics']), usth), 'met', 'mandatory', 'US–Thailand Treaty Art. II(3)');
  });

  it('an immigration offence is not excluded by US–Thailand: met', () => {
    expectCondition(evaluate(withCategories(['excluded:immigration']), usth), 'met', 'mandatory', 'Art. II(3)');
  });

  it('categories not recorded: unknown, offences[0].categories missing', () => {
    const r = evaluate(withCategories(null), usth);
    expectCondition(r, 'unknown', 'mandatory', 'Art. II(3)');
    expect(r.missing).toEqual(['offences[0].categories']);
  });

  it('one offence excluded and another not categorised: not met (the known exclusion decides)', () => {
    expectCondition(evaluate(withCategories(null, ['excluded:head-of-state-or-family']), usth), 'not_met', 'mandatory', 'Art. II(3)');
  });

  it('no offences recorded: unknown, offences missing', () => {
    const r = evaluate(makeCase({ sentencingState: 'TH', administeringState: 'US', offences: [], sentences: [{ id: 'S1', start: '2019-08-01', term: { years: 12 }, offences: [] }] }), usth);
    expectCondition(r, 'unknown', 'mandatory', 'Art. II(3)');
    expect(r.missing).toEqual(['offences']);
  });

  it('ETS 112 excludes no offence: not applicable, even for an offence against a Head of State', () => {
    expectCondition(evaluate(withCategories(['excluded:head-of-state-or-family']), ruleSet('coe-ets-112')), 'not_applicable', 'mandatory', 'ETS 112');
  });

  it('Hong Kong–Thailand excludes the same categories (as reported)', () => {
    const c = makeCase({
      sentencingState: 'TH',
      administeringState: 'HK',
      offences: [{ id: 'O1', categories: ['excluded:head-of-state-or-family'], dualCriminality: 'yes' }],
      sentences: [{ id: 'S1', start: '2019-08-01', term: { years: 12 }, offences: ['O1'] }],
    });
    expectCondition(evaluate(c, ruleSet('hk-th')), 'not_met', 'mandatory', 'the monarch');
  });
});
