/**
 * The eligibility engine: evaluates every condition of a rule-set against a case, none
 * skipped, and derives the verdict, flags, dates and rescreen date. Pure and synchronous.
 *
 * Verdict: any mandatory `not_met` -> ineligible; else any mandatory `unknown` ->
 * needs_information; else any `waived` (fails, but the States may agree anyway) ->
 * eligible_by_exception; else eligible.
 */
import type { CaseFile } from '../domain/case.ts';
import { addPeriod, isIsoDate, parseIsoDate, type DayNumber } from '../sentence/calendar.ts';
import { computeSentences, type Step } from '../sentence/compute.ts';
import type { JurisdictionProfile } from '../sentence/profile.ts';
import { profileFor } from '../treaties/jurisdictions.ts';
import type { RuleSet } from '../treaties/schema.ts';
import { evaluateConsent } from './conditions/consent.ts';
import { evaluateDeathSentence } from './conditions/death-sentence.ts';
import { evaluateDualCriminality } from './conditions/dual-criminality.ts';
import { evaluateDualNationality } from './conditions/dual-nationality.ts';
import { evaluateExcludedOffences } from './conditions/excluded-offences.ts';
import { evaluateFinalJudgment } from './conditions/final-judgment.ts';
import { evaluateFinancialObligations } from './conditions/financial-obligations.ts';
import { evaluateMinimumServed } from './conditions/minimum-served.ts';
import { evaluateNationality } from './conditions/nationality.ts';
import { evaluateOtherProceedings } from './conditions/other-proceedings.ts';
import { basisRelease, evaluateRemainingSentence } from './conditions/remaining-sentence.ts';
import type {
  Assessment,
  AssessmentContext,
  AssessmentDates,
  ConditionEvaluator,
  ConditionResult,
  ReferenceSource,
  Verdict,
} from './types.ts';

/** One evaluator per condition kind, in the order they are shown. */
export const EVALUATORS: readonly ConditionEvaluator[] = [
  evaluateNationality,
  evaluateDualNationality,
  evaluateFinalJudgment,
  evaluateOtherProceedings,
  evaluateRemainingSentence,
  evaluateMinimumServed,
  evaluateConsent,
  evaluateDualCriminality,
  evaluateExcludedOffences,
  evaluateDeathSentence,
  evaluateFinancialObligations,
];

export interface AssessOptions {
  /** "Assess as if on this date": overrides the rule-set's reference event. */
  on?: DayNumber | null;
  /** Today's date, used when neither `on` nor the reference event's date is known. */
  today: DayNumber;
  /** The sentencing State's profile; looked up from the built-ins when omitted. */
  profile?: JurisdictionProfile;
}

export function referenceFor(c: CaseFile, ruleSet: RuleSet, on: DayNumber | null | undefined, today: DayNumber): { day: DayNumber; source: ReferenceSource } {
  if (on != null) return { day: on, source: 'override' };
  const event = c.events[ruleSet.referenceEvent.value];
  // A stored date no calendar has (a year past 9999 written by an older version) is no date: the reference is then provisional.
  if (event != null && isIsoDate(event)) return { day: parseIsoDate(event), source: 'event' };
  return { day: today, source: 'today' };
}

export function verdictOf(conditions: readonly ConditionResult[]): Verdict {
  let unknown = false;
  let waived = false;
  for (const c of conditions) {
    if (c.effect !== 'mandatory') continue;
    if (c.status === 'not_met') return 'ineligible';
    if (c.status === 'unknown') unknown = true;
    else if (c.status === 'waived') waived = true;
  }
  if (unknown) return 'needs_information';
  return waived ? 'eligible_by_exception' : 'eligible';
}

function evaluateAt(c: CaseFile, ruleSet: RuleSet, profile: JurisdictionProfile, reference: DayNumber) {
  const sentence = computeSentences(c.sentences, c.remandDays, profile, reference);
  const ctx: AssessmentContext = { case: c, ruleSet, profile, reference, sentence };
  const conditions = EVALUATORS.map((evaluate) => evaluate(ctx));
  return { ctx, conditions, verdict: verdictOf(conditions) };
}

/**
 * The first day on which every mandatory failure has cleared, if they are all time-based and
 * nothing else fails on that day (a minimum may be served only after the remaining time has run
 * out: then there is no such day). A failure projected to clear (an appeal period ending, a
 * minimum being served) counts as cleared from its date: the case file still records the facts
 * as they are today.
 */
function rescreenDate(c: CaseFile, ruleSet: RuleSet, profile: JurisdictionProfile, conditions: readonly ConditionResult[]): DayNumber | null {
  const clears = new Map<string, DayNumber>();
  let blocking = conditions.filter((r) => r.effect === 'mandatory' && r.status === 'not_met');
  let candidate: DayNumber | null = null;
  for (let round = 0; round < 4; round++) {
    for (const r of blocking) {
      if (r.clearsOn === null) return null;
      clears.set(r.id, r.clearsOn);
    }
    const next = Math.max(...clears.values());
    if (candidate !== null && next <= candidate) return null;
    candidate = next;
    const day = candidate;
    const later = evaluateAt(c, ruleSet, profile, day);
    blocking = later.conditions.filter((r) => r.effect === 'mandatory' && r.status === 'not_met' && !((clears.get(r.id) ?? Infinity) <= day));
    if (blocking.length === 0) return candidate;
  }
  return null;
}

export function assess(c: CaseFile, ruleSet: RuleSet, options: AssessOptions): Assessment {
  const profile = options.profile ?? profileFor(c.sentencingState);
  const reference = referenceFor(c, ruleSet, options.on, options.today);
  const { ctx, conditions, verdict } = evaluateAt(c, ruleSet, profile, reference.day);

  const flags: string[] = [];
  for (const r of conditions) for (const f of r.flags) if (!flags.includes(f)) flags.push(f);
  if ((verdict === 'eligible' || verdict === 'eligible_by_exception') && ruleSet.statesAgreementRequired.value && c.events.statesAgreed == null) {
    flags.unshift('states_agreement_required');
  }
  if (reference.source === 'today') flags.push('reference_date_provisional');
  if (conditions.some((r) => r.status !== 'not_applicable' && r.confidence === 'U')) flags.push('unconfirmed_parameters');

  const { dates, steps } = datesOf(ctx, reference.source);
  return {
    verdict,
    flags,
    rescreenOn: verdict === 'ineligible' ? rescreenDate(c, ruleSet, profile, conditions) : null,
    treaty: { id: ruleSet.id, version: ruleSet.version },
    referenceDate: reference.day,
    referenceSource: reference.source,
    referenceEvent: ruleSet.referenceEvent.value,
    dates,
    conditions,
    steps,
  };
}

function datesOf(ctx: AssessmentContext, source: ReferenceSource): { dates: AssessmentDates; steps: Step[] } {
  const { sentence: s, ruleSet, reference } = ctx;
  const steps: Step[] = [{ key: `step.reference.${source}`, params: { date: { day: reference }, event: ruleSet.referenceEvent.value } }, ...s.steps];
  const basis = ruleSet.remainingBasis.value;
  if (s.kind !== 'fixed') {
    return {
      dates: {
        releaseDate: null, sentenceExpiryDate: null, remainingDays: null, nominalReleaseDate: null, expectedDischargeDate: null,
        remissionDays: null, remandDays: ctx.case.remandDays ?? null, termDays: null, servedDays: null, basis,
      },
      steps,
    };
  }
  const release = basisRelease(ruleSet, s);
  const remaining = release - reference;
  const minimum = ruleSet.minRemaining.value;
  if (minimum !== null) {
    const threshold = addPeriod(reference, minimum.duration);
    steps.push({ key: 'step.threshold', params: { reference: { day: reference }, required: { period: minimum.duration }, threshold: { day: threshold } } });
  }
  steps.push({ key: `step.remaining.${basis}`, params: { release: { day: release }, reference: { day: reference }, days: remaining } });
  return {
    dates: {
      releaseDate: s.unserved ? null : release,
      sentenceExpiryDate: s.unserved ? null : s.sentenceExpiryDate,
      remainingDays: remaining,
      nominalReleaseDate: s.unserved ? null : s.nominalRelease,
      expectedDischargeDate: ctx.profile.remission && !s.unserved ? s.expectedDischargeDate : null,
      remissionDays: ctx.profile.remission ? s.remissionDays : null,
      remandDays: s.remandKnown ? s.remandDays : null,
      termDays: s.termDays,
      servedDays: s.unserved ? s.remandDays : reference - s.start + s.remandDays,
      basis,
    },
    steps,
  };
}
