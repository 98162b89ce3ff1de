/** Death sentence: a bar (Inter-American Art. III(5)) or a bar unless commuted (Italy–Brazil Art. 3(1)(f)). */
import type { AssessmentContext, ConditionResult } from '../types.ts';
import { notApplicable, result } from './result.ts';

export function evaluateDeathSentence(ctx: AssessmentContext): ConditionResult {
  const rule = ctx.ruleSet.deathSentence;
  if (rule.value === 'not-addressed') return notApplicable('death-sentence', rule);
  const { deathSentence, deathSentenceCommuted } = ctx.case.judgment;
  if (deathSentence == null) return result('death-sentence', 'unknown', rule, 'cond.death.unknown', {}, { missing: ['judgment.deathSentence'] });
  if (!deathSentence) return result('death-sentence', 'met', rule, 'cond.death.none');
  if (rule.value === 'bar') return result('death-sentence', 'not_met', rule, 'cond.death.bar');
  if (deathSentenceCommuted == null) return result('death-sentence', 'unknown', rule, 'cond.death.commutedUnknown', {}, { missing: ['judgment.deathSentenceCommuted'] });
  return deathSentenceCommuted
    ? result('death-sentence', 'met', rule, 'cond.death.commuted')
    : result('death-sentence', 'not_met', rule, 'cond.death.notCommuted');
}
