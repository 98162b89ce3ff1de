/** No other criminal proceedings pending (US–Thailand Art. II(5); CRM 732 (7); Russian bilateral Art. 4(1)(b)). */
import type { AssessmentContext, ConditionResult } from '../types.ts';
import { notApplicable, result } from './result.ts';

export function evaluateOtherProceedings(ctx: AssessmentContext): ConditionResult {
  const rule = ctx.ruleSet.otherProceedings;
  if (rule.value === 'not-addressed') return notApplicable('other-proceedings', rule);
  const pending = ctx.case.judgment.otherProceedingsPending;
  if (pending == null) return result('other-proceedings', 'unknown', rule, 'cond.otherProceedings.unknown', {}, { missing: ['judgment.otherProceedingsPending'] });
  return pending
    ? result('other-proceedings', 'not_met', rule, 'cond.otherProceedings.pending')
    : result('other-proceedings', 'met', rule, 'cond.otherProceedings.none');
}
