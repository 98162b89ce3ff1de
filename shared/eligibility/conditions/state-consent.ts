/**
 * The consent of the constituent State under whose law the sentence was imposed (the US: a State
 * prisoner is transferred only if that State agrees; the US declaration under ETS 112 Art.
 * 3(1)(f), and the Hong Kong–US agreement as transmitted in 1997).
 */
import type { AssessmentContext, ConditionResult } from '../types.ts';
import { notApplicable, result } from './result.ts';

export function evaluateStateConsent(ctx: AssessmentContext): ConditionResult {
  const rule = ctx.ruleSet.subnationalConsent;
  // Only where the sentencing State has constituent States whose law can impose the sentence (a Hong Kong sentence never needs a US State's consent).
  const applies = typeof rule.value === 'boolean' ? rule.value : rule.value.sentencingStates.includes(ctx.case.sentencingState);
  if (!applies) return notApplicable('state-consent', rule);
  const jurisdiction = ctx.case.judgment.jurisdiction;
  if (jurisdiction == null) return result('state-consent', 'unknown', rule, 'cond.stateConsent.unknownJurisdiction', {}, { missing: ['judgment.jurisdiction'] });
  if (jurisdiction === 'national') return result('state-consent', 'met', rule, 'cond.stateConsent.national');
  const status = ctx.case.consent?.stateAuthority ?? null;
  if (status === 'given') return result('state-consent', 'met', rule, 'cond.stateConsent.given', { jurisdiction });
  if (status === 'refused') return result('state-consent', 'not_met', rule, 'cond.stateConsent.refused', { jurisdiction });
  return result('state-consent', 'unknown', rule, 'cond.stateConsent.unknown', { jurisdiction }, { missing: ['consent.stateAuthority'] });
}
