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
import { computeSentences, type SentenceComputation, type Step } from '../sentence/compute.ts';
import { profileForOffences, type JurisdictionProfile } from '../sentence/profile.ts';
import { instrumentOfRuleSet, relationEndsAfter, type TreatyMapIndex } from '../treaties/map/relations.ts';
import type { RuleSet } from '../treaties/schema.ts';
import { lastDayKeepingMinimum } from '../workflow/alerts.ts';
import { evaluateConsent } from './conditions/consent.ts';
import { evaluateCustodyStatus } from './conditions/custody-status.ts';
import { evaluateDomicile } from './conditions/domicile.ts';
import { evaluateStateConsent } from './conditions/state-consent.ts';
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
import { evaluateTreatyBasis } from './conditions/treaty-basis.ts';
import type {
  Assessment,
  AssessmentContext,
  AssessmentDates,
  ConditionEvaluator,
  ConditionResult,
  ReferenceSource,
  TransferWindow,
  Verdict,
} from './types.ts';

/** One evaluator per condition kind, in the order they are shown. */
export const EVALUATORS: readonly ConditionEvaluator[] = [
  evaluateTreatyBasis,
  evaluateNationality,
  evaluateDualNationality,
  evaluateDomicile,
  evaluateFinalJudgment,
  evaluateOtherProceedings,
  evaluateCustodyStatus,
  evaluateRemainingSentence,
  evaluateMinimumServed,
  evaluateConsent,
  evaluateStateConsent,
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
  /** The sentencing State's profile in force on the reference date (resolved by the caller: stored or built in). */
  profile: JurisdictionProfile;
  /** The treaty map version in force (stored or built in), indexed. */
  map: TreatyMapIndex;
  /**
   * The case's sentence dates already computed, for assessing one case under many rule-sets (the
   * route finder): the same sentences, remand and profile on the same day give the same dates.
   * Made by `sentenceDates()` for one case and used for that case only.
   */
  sentenceDates?: SentenceDates | undefined;
}

/** The sentence dates of one case, computed once per profile and day (see AssessOptions.sentenceDates). */
export type SentenceDates = (c: CaseFile, profile: JurisdictionProfile, day: DayNumber) => SentenceComputation;

/** A fresh cache of one case's sentence dates: give it to every assessment of that case, and of no other. */
export function sentenceDates(): SentenceDates {
  const byProfile = new Map<JurisdictionProfile, Map<DayNumber, SentenceComputation>>();
  return (c, profile, day) => {
    let byDay = byProfile.get(profile);
    if (byDay === undefined) {
      byDay = new Map();
      byProfile.set(profile, byDay);
    }
    let computed = byDay.get(day);
    if (computed === undefined) {
      computed = computeSentences(c.sentences, c.remandDays, profile, day);
      byDay.set(day, computed);
    }
    return computed;
  };
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

interface Inputs {
  c: CaseFile;
  ruleSet: RuleSet;
  profile: JurisdictionProfile;
  map: TreatyMapIndex;
  transferOn: DayNumber | null;
  sentenceDates: SentenceDates | undefined;
}

function evaluateAt({ c, ruleSet, profile, map, transferOn, sentenceDates }: Inputs, reference: DayNumber) {
  const sentence = sentenceDates === undefined ? computeSentences(c.sentences, c.remandDays, profile, reference) : sentenceDates(c, profile, reference);
  const ctx: AssessmentContext = { case: c, ruleSet, profile, reference, sentence, map, transferOn };
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
function rescreenDate(inputs: Inputs, conditions: readonly ConditionResult[]): DayNumber | null {
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
    const later = evaluateAt(inputs, day);
    blocking = later.conditions.filter((r) => r.effect === 'mandatory' && r.status === 'not_met' && !((clears.get(r.id) ?? Infinity) <= day));
    if (blocking.length === 0) return candidate;
  }
  return null;
}

export function assess(c: CaseFile, ruleSet: RuleSet, options: AssessOptions): Assessment {
  const planned = c.events.transferPlanned;
  // Hong Kong 2024: no remission projected for an offence endangering national security.
  const { profile, excludedBy } = profileForOffences(options.profile, c.offences.flatMap((o) => o.categories ?? []));
  const inputs: Inputs = { c, ruleSet, profile, map: options.map, transferOn: planned == null ? null : parseIsoDate(planned), sentenceDates: options.sentenceDates };
  const reference = referenceFor(c, ruleSet, options.on, options.today);
  const { ctx, conditions, verdict } = evaluateAt(inputs, reference.day);

  const flags: string[] = [];
  for (const r of conditions) for (const f of r.flags) if (!flags.includes(f)) flags.push(f);
  if ((verdict === 'eligible' || verdict === 'eligible_by_exception') && ruleSet.statesAgreementRequired.value && c.events.statesAgreed == null) {
    flags.unshift('states_agreement_required');
  }
  if (reference.source === 'today') flags.push('reference_date_provisional');
  if (conditions.some((r) => r.status !== 'not_applicable' && r.confidence === 'U')) flags.push('unconfirmed_parameters');

  const { dates, steps } = datesOf(ctx, reference.source);
  if (excludedBy.length > 0) {
    const rule = options.profile.remissionExclusions;
    steps.push({ key: 'step.remission.excluded', params: { categories: excludedBy.join(', '), source: rule?.source ?? '' } });
  }
  const rescreenOn = verdict === 'ineligible' ? rescreenDate(inputs, conditions) : null;
  const transferWindow = windowOf(ctx, reference.source, conditions, verdict, rescreenOn, steps);
  if (transferWindow !== null && transferWindow.to !== null && transferWindow.from > transferWindow.to) flags.push('transfer_window_closed');
  return {
    verdict,
    flags,
    rescreenOn,
    transferWindow,
    treaty: { id: ruleSet.id, version: ruleSet.version },
    treatyMap: { version: options.map.map.version, hash: options.map.hash },
    referenceDate: reference.day,
    referenceSource: reference.source,
    referenceEvent: ruleSet.referenceEvent.value,
    dates,
    conditions,
    steps,
  };
}

/**
 * The transfer window: from the first day on which every condition can hold (the reference date
 * when the verdict allows a transfer, else the rescreen date, or later where a condition tested
 * at the transfer holds only from a later day) to the last day on which the remaining-time
 * condition still holds: for a reference event still to come, the last day it can come with the
 * minimum remaining (release on the rule-set's basis less the minimum); once it has happened, or
 * without a minimum, the day before release; open for an indeterminate sentence. Null when no day
 * is known on which the conditions hold, or the sentence dates are unknown.
 */
function windowOf(
  ctx: AssessmentContext, source: ReferenceSource, conditions: readonly ConditionResult[], verdict: Verdict, rescreenOn: DayNumber | null, steps: Step[],
): TransferWindow | null {
  let from = verdict === 'eligible' || verdict === 'eligible_by_exception' ? ctx.reference : rescreenOn;
  if (from === null) return null;
  // A condition tested at the transfer that holds only from a later day (a minimum still being served) opens the window then.
  for (const c of conditions) if (c.holdsFrom != null && c.holdsFrom > from) from = c.holdsFrom;
  const s = ctx.sentence;
  let to: DayNumber | null;
  if (s.kind === 'indeterminate') to = null;
  else if (s.kind !== 'fixed') return null;
  else {
    const release = basisRelease(ctx.ruleSet, s);
    const minimum = ctx.ruleSet.minRemaining.value;
    // The remaining time is tested at the reference event. Once that event has happened (recorded
    // on the case) the test is passed for good, and a transfer can happen while anything remains;
    // before it (today's date, or "as if" on a day) the event itself must come while the minimum remains.
    const eventHappened = source === 'event';
    to = minimum === null || eventHappened ? release - 1 : lastDayKeepingMinimum(release, minimum.duration);
  }
  // The instrument must still bind both States on the day of the transfer (treaty basis): a
  // denunciation taking effect, or a later instrument replacing it between them, closes the window the day before.
  const end = instrumentEnd(ctx, from);
  if (end !== null && (to === null || end.on - 1 < to)) {
    to = end.on - 1;
    steps.push({
      key: `step.window.instrument.${end.reason}`,
      params: { date: { day: end.on }, last: { day: end.on - 1 }, instrument: instrumentOfRuleSet(ctx.map, ctx.ruleSet.id)?.id ?? ctx.ruleSet.id, ...(end.state === null ? {} : { state: end.state }), ...(end.instead === null ? {} : { instead: end.instead }) },
    });
  }
  return { from, to };
}

/** Where the case's instrument stops applying between its two States after `from`, as the treaty map knows; null for an arrangement for one case. */
function instrumentEnd(ctx: AssessmentContext, from: DayNumber) {
  if (ctx.ruleSet.kind === 'ad-hoc-arrangement') return null;
  const instrument = instrumentOfRuleSet(ctx.map, ctx.ruleSet.id);
  if (instrument === undefined) return null;
  const judgment = ctx.case.judgment.date == null ? null : parseIsoDate(ctx.case.judgment.date);
  return relationEndsAfter(ctx.map, instrument.id, { a: ctx.case.sentencingState, b: ctx.case.administeringState, on: from, judgment });
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
