/** Offences the instrument excludes from transfer (US–Thailand Art. II(3): security, Head of State, art treasures). */
import type { AssessmentContext, ConditionResult } from '../types.ts';
import { offencesInScope } from './offence-scope.ts';
import { notApplicable, result } from './result.ts';

export function evaluateExcludedOffences(ctx: AssessmentContext): ConditionResult {
  const rule = ctx.ruleSet.excludedOffences;
  if (rule.value.length === 0) return notApplicable('excluded-offences', rule);
  if (ctx.case.offences.length === 0) return result('excluded-offences', 'unknown', rule, 'cond.excluded.noOffences', {}, { missing: ['offences'] });
  const hits: string[] = [];
  const missing: string[] = [];
  // Offences of sentences already served are not part of what is transferred (rule-set offenceScope).
  offencesInScope(ctx).forEach(({ offence: o, index: i }) => {
    if (o.categories == null) missing.push(`offences[${i}].categories`);
    else for (const code of o.categories) if (rule.value.includes(code)) hits.push(`${o.description ?? o.id} (${code})`);
  });
  if (hits.length > 0) return result('excluded-offences', 'not_met', rule, 'cond.excluded.hit', { offences: hits.join('; ') });
  if (missing.length > 0) return result('excluded-offences', 'unknown', rule, 'cond.excluded.unknown', {}, { missing });
  return result('excluded-offences', 'met', rule, 'cond.excluded.none', { categories: rule.value.join(', ') });
}
