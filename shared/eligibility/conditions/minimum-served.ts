/**
 * A minimum part of the sentence has been served (US–Thailand Art. II(6): any minimum period
 * of the transferring State's law). C7: served = (D − S) + credited remand on the day D it is
 * tested; required = ceil(f × T); the earliest compliant date is S − k + required.
 *
 * D is the reference date, or — where the instrument tests it "at the time of transfer" — the
 * planned transfer date when one is recorded, else the reference date. Tested at the transfer
 * with no date planned, a minimum not yet served does not bar the application: the condition
 * holds from the day it is served, and the transfer window opens then.
 */
import { addPeriod, parseIsoDate } from '../../sentence/calendar.ts';
import type { AssessmentContext, ConditionResult } from '../types.ts';
import { atLargeMissing } from './remaining-sentence.ts';
import { notApplicable, result } from './result.ts';

export function evaluateMinimumServed(ctx: AssessmentContext): ConditionResult {
  const rule = ctx.ruleSet.minServed;
  if (rule.value === null) return notApplicable('minimum-served', rule);
  const { numerator, denominator, lifeMinimum, sentencingStates, testedAt } = rule.value;
  const atTransfer = testedAt === 'transfer';
  const on = atTransfer && ctx.transferOn !== null ? Math.max(ctx.transferOn, ctx.reference) : ctx.reference;
  // Not served yet, but it will be, and no transfer date is fixed: the condition holds from that day.
  const later = atTransfer && ctx.transferOn === null;
  const state = ctx.case.sentencingState;
  if (sentencingStates !== null && !sentencingStates.includes(state)) {
    return result('minimum-served', 'not_applicable', rule, 'cond.minServed.otherState', { state });
  }
  const s = ctx.sentence;
  const fraction = `${numerator}/${denominator}`;
  if (s.kind === 'unknown') return result('minimum-served', 'unknown', rule, 'cond.minServed.unknownSentence', { fraction }, { missing: s.missing });

  if (s.kind === 'indeterminate') {
    if (lifeMinimum === null) {
      return result('minimum-served', 'unknown', rule, 'cond.minServed.lifeUnknown', {}, { missing: ['rule-set: minimum period for a life sentence'] });
    }
    if (s.start === null) return result('minimum-served', 'unknown', rule, 'cond.minServed.unknownSentence', { fraction }, { missing: ['sentences[].start'] });
    const k = ctx.case.remandDays ?? 0;
    const earliest = addPeriod(s.start, lifeMinimum) - k;
    const params = { required: { period: lifeMinimum }, earliest: { day: earliest } };
    if (on >= earliest) return result('minimum-served', 'met', rule, 'cond.minServed.lifeMet', params);
    if (ctx.case.remandDays == null) return result('minimum-served', 'unknown', rule, 'cond.minServed.lifeNotMet', params, { missing: ['remandDays'] });
    if (later) return result('minimum-served', 'met', rule, 'cond.minServed.lifeAtTransfer', params, { holdsFrom: earliest });
    return result('minimum-served', 'not_met', rule, 'cond.minServed.lifeNotMet', params, { clearsOn: earliest });
  }

  const required = Math.floor((s.termDays * numerator + denominator - 1) / denominator);
  if (s.unserved) {
    const params = { served: s.remandDays, required, termDays: s.termDays, fraction };
    return s.remandDays >= required
      ? result('minimum-served', 'met', rule, 'cond.minServed.met', params)
      : result('minimum-served', 'not_met', rule, 'cond.minServed.unserved', params);
  }
  const served = on - s.start + s.remandDays;
  const earliest = s.start - s.remandDays + required;
  const params = { served, required, termDays: s.termDays, fraction, earliest: { day: earliest }, reference: { day: on } };
  // At large (escaped) before the day tested: the time at large is not served in most laws. Served before it and enough: met;
  // otherwise what is served, and when the minimum will be, is not known from the dates.
  const custody = ctx.case.custody;
  if (custody?.status === 'at-large') {
    const since = custody.since == null ? null : parseIsoDate(custody.since);
    const missing = atLargeMissing(ctx);
    if (since === null) return result('minimum-served', 'unknown', rule, 'cond.minServed.atLarge.noDate', { required, termDays: s.termDays, fraction }, { missing });
    if (since < on) {
      const servedThen = Math.max(0, since - s.start) + s.remandDays;
      if (servedThen < required) {
        return result('minimum-served', 'unknown', rule, 'cond.minServed.atLarge', { served: servedThen, required, termDays: s.termDays, fraction, since: { day: since } }, { missing });
      }
      return result('minimum-served', 'met', rule, 'cond.minServed.met', { ...params, served: servedThen });
    }
  }
  if (served >= required) return result('minimum-served', 'met', rule, 'cond.minServed.met', params);
  if (!s.remandKnown) return result('minimum-served', 'unknown', rule, 'cond.minServed.unknownRemand', params, { missing: ['remandDays'] });
  if (later) return result('minimum-served', 'met', rule, 'cond.minServed.atTransfer', params, { holdsFrom: earliest });
  return result('minimum-served', 'not_met', rule, atTransfer ? 'cond.minServed.notMetAtTransfer' : 'cond.minServed.notMet', params, { clearsOn: earliest });
}
