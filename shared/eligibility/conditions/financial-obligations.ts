/**
 * Financial obligations of the judgment: paid unless absolute incapacity (Italy–Brazil
 * Art. 3(1)(g), mandatory), or unpaid as a discretionary ground (Russian bilateral Art. 4(2)(b)).
 */
import type { AssessmentContext, ConditionResult } from '../types.ts';
import { notApplicable, result } from './result.ts';

export function evaluateFinancialObligations(ctx: AssessmentContext): ConditionResult {
  const rule = ctx.ruleSet.financialObligations;
  const { rule: kind, scope } = rule.value;
  if (kind === 'none') return notApplicable('financial-obligations', rule);
  const effect = kind === 'discretionary-refusal' ? 'discretionary_refusal' : 'mandatory';
  const obligations = ctx.case.financialObligations;
  if (obligations == null) {
    return result('financial-obligations', 'unknown', rule, 'cond.financial.unknownList', {}, { effect, missing: ['financialObligations'] });
  }
  const unpaid: string[] = [];
  const missing: string[] = [];
  obligations.forEach((o, i) => {
    if (!scope.includes(o.kind)) return;
    const label = `${o.kind}${o.amount != null ? ` ${o.amount}${o.currency ? ` ${o.currency}` : ''}` : ''}`;
    if (o.paid === true) return;
    if (o.paid == null) {
      missing.push(`financialObligations[${i}].paid`);
      return;
    }
    if (kind === 'mandatory-paid-unless-incapacity') {
      if (o.incapacityToPay === true) return;
      if (o.incapacityToPay == null) {
        missing.push(`financialObligations[${i}].incapacityToPay`);
        return;
      }
    }
    unpaid.push(label);
  });
  if (unpaid.length > 0) {
    return effect === 'mandatory'
      ? result('financial-obligations', 'not_met', rule, 'cond.financial.unpaid', { obligations: unpaid.join('; ') })
      : result('financial-obligations', 'not_met', rule, 'cond.financial.discretionary', { obligations: unpaid.join('; ') }, {
          effect,
          flags: ['discretionary_refusal:financial_obligations'],
        });
  }
  if (missing.length > 0) return result('financial-obligations', 'unknown', rule, 'cond.financial.unknown', {}, { effect, missing });
  return result('financial-obligations', 'met', rule, obligations.length === 0 ? 'cond.financial.none' : 'cond.financial.settled', {}, { effect });
}
