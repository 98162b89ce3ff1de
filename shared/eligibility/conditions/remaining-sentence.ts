/**
 * At least N of the sentence remains at the reference date (ETS 112 Art. 3(1)(c)).
 * C5: met iff the release date on the rule-set's basis is on or after REF + N (calendar
 * months, equality passes). Days remaining are shown, never used for the test.
 */
import { addMonths, addPeriod, parseIsoDate, toCivil, type DayNumber } from '../../sentence/calendar.ts';
import type { FixedComputation } from '../../sentence/compute.ts';
import type { Confidence } from '../../treaties/confidence.ts';
import type { RuleSet } from '../../treaties/schema.ts';
import type { AssessmentContext, ConditionResult } from '../types.ts';
import { failing, notApplicable, result } from './result.ts';

/** The release date the remaining time is counted to: sentence expiry (net of credit) or discharge with remission. */
export function basisRelease(ruleSet: RuleSet, s: FixedComputation): DayNumber {
  return ruleSet.remainingBasis.value === 'release-with-remission' ? s.expectedDischargeDate : s.releaseDate;
}

/**
 * C1 clamps a day the target month lacks to its last day (received 2023-08-31 + 6 months =
 * 2024-02-29). Read as a period running to the end of that last day, the threshold is the next
 * day: a release on the clamped day itself passes on the app's reading only.
 */
export const CLAMPED_THRESHOLD_READING = { source: 'TSP Desk convention C1: a day the month lacks counts as its last day (app reading)', confidence: 'U' } as const;

/** Whether `from` + the period was clamped (C1, C2): the day of the month of `from` is missing from the target month. */
function clampedThreshold(from: DayNumber, duration: { years: number; months: number }): boolean {
  const months = duration.years * 12 + duration.months;
  return months !== 0 && toCivil(addMonths(from, months)).day !== toCivil(from).day;
}

/**
 * Whether the last period's end was clamped by C2: a sentence ending it, or one before it in its
 * consecutive chain, started on a day its end month lacks (6 months from 2023-08-31 ends on
 * 2024-02-29). Read as ending on that month's last day (as HMPPS counts), the release is a day later.
 */
function clampedTermEnd(ctx: AssessmentContext, s: FixedComputation): boolean {
  if (ctx.profile.monthEnd.value !== 'c2') return false;
  const byId = new Map(s.perSentence.map((p) => [p.id, p]));
  const clamped = (id: string): boolean => {
    const p = byId.get(id);
    const term = ctx.case.sentences.find((x) => x.id === id)?.term;
    return p !== undefined && term != null && typeof term !== 'string' && clampedThreshold(p.start, term);
  };
  return s.perSentence.some((p) => {
    if (p.release !== s.nominalRelease) return false;
    const seen = new Set<string>();
    for (let id: string | null | undefined = p.id; id != null && !seen.has(id); id = ctx.case.sentences.find((x) => x.id === id)?.consecutiveTo) {
      seen.add(id);
      if (clamped(id)) return true;
    }
    return false;
  });
}

/** What to record for a person at large whose sentence dates run on: each begun sentence as not begun, the time served as credit (C8). */
export function atLargeMissing(ctx: AssessmentContext): string[] {
  return ctx.case.sentences.flatMap((x, i) => (x.start != null ? [`sentences[${i}].start (at large: record it as not begun and the time served as remandDays, C8)`] : []));
}

const RANK = { C: 0, S: 1, U: 2 } as const;

function combined(a: { source: string; confidence: Confidence }, b: { source: string; confidence: Confidence }) {
  return { source: `${a.source}; counted to: ${b.source}`, confidence: RANK[b.confidence] > RANK[a.confidence] ? b.confidence : a.confidence };
}

export function evaluateRemainingSentence(ctx: AssessmentContext): ConditionResult {
  const minimum = ctx.ruleSet.minRemaining;
  if (minimum.value === null) return notApplicable('remaining-sentence', minimum);
  const { duration, effect } = minimum.value;
  // 2008/909 Art. 9(1)(h): under six months is only a ground the executing State may use, whatever the status.
  const asEffect = { effect: effect === 'optional-refusal' ? ('optional_refusal' as const) : ('mandatory' as const) };
  const s = ctx.sentence;
  const required = { period: duration };
  if (s.kind === 'unknown') {
    return result('remaining-sentence', 'unknown', minimum, 'cond.remaining.unknownSentence', { required }, { effect: asEffect.effect, missing: s.missing });
  }
  if (s.kind === 'indeterminate') {
    const bypass = ctx.ruleSet.indeterminateBypass;
    return bypass.value
      ? result('remaining-sentence', 'met', bypass, 'cond.remaining.indeterminate', { required }, asEffect)
      : result('remaining-sentence', 'met', minimum, 'cond.remaining.unbounded', { required }, asEffect);
  }
  const release = basisRelease(ctx.ruleSet, s);
  const threshold = addPeriod(ctx.reference, duration);
  // Where remission makes expiry and release differ, the result rests on the basis too: its source and confidence count (an unconfirmed basis raises unconfirmed_parameters).
  const basisMatters = s.remissionDays > 0;
  const rule = basisMatters ? combined(minimum, ctx.ruleSet.remainingBasis) : minimum;
  const params = {
    remaining: release - ctx.reference,
    reference: { day: ctx.reference },
    threshold: { day: threshold },
    release: { day: release },
    required,
    basis: ctx.ruleSet.remainingBasis.value,
  };
  // At large (escaped) by the reference date: the dates count the time at large as served, which in most laws it is not, so what
  // remains is longer than they show. A pass stays a pass; a shortfall is not known until the time served is recorded (C8).
  const custody = ctx.case.custody;
  if (custody?.status === 'at-large' && !s.unserved && release < threshold) {
    const since = custody.since == null ? null : parseIsoDate(custody.since);
    if (since === null || (since <= ctx.reference && since < release)) {
      return result('remaining-sentence', 'unknown', rule, 'cond.remaining.atLarge', { ...params, since: since === null ? '?' : { day: since } }, { effect: asEffect.effect, missing: atLargeMissing(ctx) });
    }
  }
  // A result the credit for custody before sentence brings about (without it the release would be later: C3) rests on the
  // sentencing State's credit too: its source and confidence count (the default profile's day-for-day is unconfirmed).
  const datesOnly = ctx.ruleSet.remainingBasis.value === 'expiry' || s.remissionDays === 0;
  const byCredit = (day: DayNumber) => datesOnly && s.remandDays > 0 && release + s.remandDays >= day;
  // Nothing left to serve means nothing to transfer, whatever the rule's effect.
  if (release <= ctx.reference) {
    return result('remaining-sentence', 'not_met', byCredit(ctx.reference + 1) ? combined(rule, ctx.profile.remandCredit) : rule, 'cond.remaining.nothingLeft', params);
  }
  if (release >= threshold) {
    // Released on the clamped threshold itself: met on C1's reading only, so the result is that reading's.
    const onClamp = release === threshold && clampedThreshold(ctx.reference, duration);
    return s.remandKnown
      ? onClamp
        ? result('remaining-sentence', 'met', { source: `${rule.source}; ${CLAMPED_THRESHOLD_READING.source}`, confidence: 'U' }, 'cond.remaining.met.clamped', { ...params, next: { day: threshold + 1 } }, asEffect)
        : result('remaining-sentence', 'met', rule, 'cond.remaining.met', params, asEffect)
      : result('remaining-sentence', 'unknown', rule, 'cond.remaining.unknownRemand', params, { effect: asEffect.effect, missing: ['remandDays'] });
  }
  // One day short only because C2 clamped the term end (on the expiry basis, or with no remission): the result is the profile's convention's too.
  const byClamp = release + 1 === threshold && datesOnly && clampedTermEnd(ctx, s) ? combined(rule, ctx.profile.monthEnd) : rule;
  const failRule = byCredit(threshold) ? combined(byClamp, ctx.profile.remandCredit) : byClamp;
  const fail = failing(effect === 'optional-refusal' ? 'optional_refusal' : effect);
  const key = effect === 'mandatory-with-exception' ? 'cond.remaining.exception' : effect === 'optional-refusal' ? 'cond.remaining.optional' : 'cond.remaining.notMet';
  return result('remaining-sentence', fail.status, failRule, key, params, {
    effect: fail.effect,
    flags: effect === 'optional-refusal' ? ['optional_refusal:remaining_time'] : [],
  });
}
