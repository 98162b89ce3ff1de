/** A national of the sentencing State as well (US–Thailand Art. II(7)(b): transfer may be refused). */
import type { AssessmentContext, ConditionResult } from '../types.ts';
import { notApplicable, result } from './result.ts';

export function evaluateDualNationality(ctx: AssessmentContext): ConditionResult {
  const rule = ctx.ruleSet.dualNationality;
  if (rule.value === 'allow') return notApplicable('dual-nationality', rule);
  const effect = rule.value === 'bar' ? 'mandatory' : 'discretionary_refusal';
  const state = ctx.case.sentencingState;
  const nationalities = ctx.case.person.nationalities;
  if (nationalities == null) {
    return result('dual-nationality', 'unknown', rule, 'cond.dualNationality.unknown', { state }, { effect, missing: ['person.nationalities'] });
  }
  if (!nationalities.includes(state)) return result('dual-nationality', 'met', rule, 'cond.dualNationality.met', { state }, { effect });
  return result('dual-nationality', 'not_met', rule, `cond.dualNationality.${effect === 'mandatory' ? 'bar' : 'discretionary'}`, { state }, {
    effect,
    flags: effect === 'mandatory' ? [] : ['discretionary_refusal:dual_national'],
  });
}
