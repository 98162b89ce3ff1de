/**
 * A minimum part of the sentence has been served (US–Thailand Art. II(6): any minimum period
 * of the transferring State's law). C7: served = (REF − S) + credited remand;
 * required = ceil(f × T); the earliest compliant date S − k + required is the rescreen date.
 */
import { addPeriod } from '../../sentence/calendar.ts';
import type { AssessmentContext, ConditionResult } from '../types.ts';
import { notApplicable, result } from './result.ts';

export function evaluateMinimumServed(ctx: AssessmentContext): ConditionResult {
  const rule = ctx.ruleSet.minServed;
  if (rule.value === null) return notApplicable('minimum-served', rule);
  const { numerator, denominator, lifeMinimum, sentencingStates } = rule.value;
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
    if (ctx.reference >= earliest) return result('minimum-served', 'met', rule, 'cond.minServed.lifeMet', params);
    return ctx.case.remandDays == null
      ? result('minimum-served', 'unknown', rule, 'cond.minServed.lifeNotMet', params, { missing: ['remandDays'] })
      : result('minimum-served', 'not_met', rule, 'cond.minServed.lifeNotMet', params, { clearsOn: earliest });
  }

  const required = Math.floor((s.termDays * numerator + denominator - 1) / denominator);
  if (s.unserved) {
    const params = { served: s.remandDays, required, termDays: s.termDays, fraction };
    return s.remandDays >= required
      ? result('minimum-served', 'met', rule, 'cond.minServed.met', params)
      : result('minimum-served', 'not_met', rule, 'cond.minServed.unserved', params);
  }
  const served = ctx.reference - s.start + s.remandDays;
  const earliest = s.start - s.remandDays + required;
  const params = { served, required, termDays: s.termDays, fraction, earliest: { day: earliest }, reference: { day: ctx.reference } };
  if (served >= required) return result('minimum-served', 'met', rule, 'cond.minServed.met', params);
  if (!s.remandKnown) return result('minimum-served', 'unknown', rule, 'cond.minServed.unknownRemand', params, { missing: ['remandDays'] });
  return result('minimum-served', 'not_met', rule, 'cond.minServed.notMet', params, { clearsOn: earliest });
}
