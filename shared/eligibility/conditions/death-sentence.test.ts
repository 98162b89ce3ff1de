/**
 * Death sentence: a bar, or a bar unless commuted.
 * Each case starts from a valid minimal tsp-case/1 and changes only the facts under test.
 */
import { describe, expect, it } from 'vitest';
import { evaluateDeathSentence } from './death-sentence.ts';
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

const evaluate = (c: CaseFile, rs: RuleSet) => evaluateDeathSentence(contextOf(c, rs));
const judged = (deathSentence: boolean | null, deathSentenceCommuted: boolean | null = null) =>
  makeCase({ judgment: { deathSentence, deathSentenceCommuted } });

describe('death sentence as a bar (Inter-American Art. III(5))', () => {
  const oas = ruleSet('oas-1993');

  it('no death sentence: met', () => {
    expectCondition(evaluate(judged(false), oas), 'met', 'mandatory', 'Inter-American Convention Art. III(5)');
  });

  it('a death sentence: not met', () => {
    expectCondition(evaluate(judged(true), oas), 'not_met', 'mandatory', 'Inter-American Convention Art. III(5)');
  });

  it('a plain bar is not lifted by commutation (domain §6.7: "bar" differs from "bar unless commuted")', () => {
    expectCondition(evaluate(judged(true, true), oas), 'not_met', 'mandatory', 'Art. III(5)');
  });

  it('not recorded: unknown, judgment.deathSentence missing', () => {
    const r = evaluate(judged(null), oas);
    expectCondition(r, 'unknown', 'mandatory', 'Art. III(5)');
    expect(r.missing).toEqual(['judgment.deathSentence']);
  });
});

describe('death sentence a bar unless commuted (Italy–Brazil Art. 3(1)(f))', () => {
  const itbr = ruleSet('it-br-2008');

  it('no death sentence: met', () => {
    expectCondition(evaluate(judged(false), itbr), 'met', 'mandatory', 'Italy–Brazil Treaty Art. 3(1)(f)');
  });

  it('a death sentence commuted: met', () => {
    const r = evaluate(judged(true, true), itbr);
    expectCondition(r, 'met', 'mandatory', 'Italy–Brazil Treaty Art. 3(1)(f)');
    expect(r.messageKey).toBe('cond.death.commuted');
  });

  it('a death sentence not commuted: not met', () => {
    expectCondition(evaluate(judged(true, false), itbr), 'not_met', 'mandatory', 'Art. 3(1)(f)');
  });

  it('a death sentence, commutation not recorded: unknown, judgment.deathSentenceCommuted missing', () => {
    const r = evaluate(judged(true, null), itbr);
    expectCondition(r, 'unknown', 'mandatory', 'Art. 3(1)(f)');
    expect(r.missing).toEqual(['judgment.deathSentenceCommuted']);
  });

  it('ETS 112 does not address it: not applicable, even with a death sentence', () => {
    expectCondition(evaluate(judged(true, false), ruleSet('coe-ets-112')), 'not_applicable', 'mandatory', 'ETS 112');
  });
});
