/**
 * The person's custody: ETS 112 transfers "any punishment or measure involving deprivation of
 * liberty" (Art. 1(a)); the Inter-American Convention also a sentence being served on conditional
 * release or parole. `custody` null means none recorded (like `expulsion`): the person is taken
 * to be serving the sentence as its dates show.
 */
import { parseIsoDate } from '../../sentence/calendar.ts';
import type { AssessmentContext, ConditionResult } from '../types.ts';
import { result } from './result.ts';

export function evaluateCustodyStatus(ctx: AssessmentContext): ConditionResult {
  const rule = ctx.ruleSet.conditionalRelease;
  const custody = ctx.case.custody;
  if (custody == null) return result('custody-status', 'met', rule, 'cond.custody.none');
  if (custody.status === 'in-custody') return result('custody-status', 'met', rule, 'cond.custody.inCustody');
  if (custody.status === 'at-large') return result('custody-status', 'met', rule, 'cond.custody.atLarge');
  const since = custody.since == null ? '?' : { day: parseIsoDate(custody.since) };
  return rule.value === 'covered'
    ? result('custody-status', 'met', rule, 'cond.custody.releaseCovered', { since })
    : result('custody-status', 'not_met', rule, 'cond.custody.releaseNotCovered', { since });
}
