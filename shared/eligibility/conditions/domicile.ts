/**
 * Not a domiciliary of the sentencing State (US–Mexico Treaty: a person present there for five
 * years or more with the intent to remain permanently is not transferred; DOJ CRM 732). The
 * officer records the finding (`person.domiciliaryOfSentencingState`); unknown stays unknown.
 */
import type { AssessmentContext, ConditionResult } from '../types.ts';
import { notApplicable, result } from './result.ts';

export function evaluateDomicile(ctx: AssessmentContext): ConditionResult {
  const rule = ctx.ruleSet.domicileExclusion;
  if (rule.value === null) return notApplicable('domicile', rule);
  const params = { years: rule.value.years };
  const fact = ctx.case.person.domiciliaryOfSentencingState;
  if (fact == null) return result('domicile', 'unknown', rule, 'cond.domicile.unknown', params, { missing: ['person.domiciliaryOfSentencingState'] });
  return fact ? result('domicile', 'not_met', rule, 'cond.domicile.notMet', params) : result('domicile', 'met', rule, 'cond.domicile.met', params);
}
