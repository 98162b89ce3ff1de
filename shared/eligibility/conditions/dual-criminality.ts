/**
 * Dual criminality (ETS 112 Art. 3(1)(e)), offence by offence; 2008/909 Art. 7(1) lifts it
 * for the 32 listed offences punishable in the issuing State by at least three years, unless
 * the executing State opted out (Art. 7(4)). Where partial recognition exists (2008/909
 * Art. 10), sentences whose offences all pass can still be transferred by agreement.
 */
import { EU_LIST_CODES } from '../../domain/categories.ts';
import type { Offence } from '../../domain/case.ts';
import type { AssessmentContext, ConditionResult } from '../types.ts';
import { declarationsOf } from '../../treaties/map/relations.ts';
import { offencesInScope } from './offence-scope.ts';
import { notApplicable, result } from './result.ts';

type OffenceOutcome = { value: 'ok' | 'fail' | 'unknown'; exempt: boolean; missing: string[] };

function offenceOutcome(ctx: AssessmentContext, offence: Offence, index: number): OffenceOutcome {
  const exemption = ctx.ruleSet.listExemption.value;
  const listed = offence.categories?.some((code) => EU_LIST_CODES.has(code)) ?? false;
  const missing: string[] = [];
  const state = ctx.case.administeringState;
  // Art. 7(4): the executing State declared it will not apply the list (the rule-set's list, or the treaty map's declarations).
  const optedOut = exemption !== null && (exemption.optOutStates.includes(state) || declarationsOf(ctx.map, ctx.ruleSet.id, state, 'dual-criminality-opt-out', ctx.reference).length > 0);
  if (exemption !== null && listed && !optedOut) {
    if (offence.maxPenaltyMonths != null && offence.maxPenaltyMonths >= exemption.thresholdMonths) return { value: 'ok', exempt: true, missing };
    if (offence.maxPenaltyMonths == null) missing.push(`offences[${index}].maxPenaltyMonths`);
  }
  if (offence.dualCriminality === 'yes') return { value: 'ok', exempt: false, missing: [] };
  if (offence.dualCriminality === 'no') return { value: missing.length > 0 ? 'unknown' : 'fail', exempt: false, missing };
  missing.push(`offences[${index}].dualCriminality`);
  return { value: 'unknown', exempt: false, missing };
}

export function evaluateDualCriminality(ctx: AssessmentContext): ConditionResult {
  const rule = ctx.ruleSet.dualCriminality;
  if (!rule.value.required) return notApplicable('dual-criminality', rule);
  const { sentences } = ctx.case;
  if (ctx.case.offences.length === 0) return result('dual-criminality', 'unknown', rule, 'cond.dualCriminality.noOffences', {}, { missing: ['offences'] });
  const failed: Offence[] = [];
  const exempt: string[] = [];
  let missing: string[] | null = null;
  offencesInScope(ctx).forEach(({ offence: o, index: i }) => {
    const outcome = offenceOutcome(ctx, o, i);
    if (outcome.value === 'fail') failed.push(o);
    if (outcome.exempt) exempt.push(o.id);
    if (outcome.missing.length > 0) (missing ??= []).push(...outcome.missing);
  });
  const source = exempt.length > 0 ? { source: `${rule.source}; ${ctx.ruleSet.listExemption.source}`, confidence: ctx.ruleSet.listExemption.confidence } : rule;
  const test = rule.value.test;

  if (failed.length > 0) {
    const partial = ctx.ruleSet.partialTransfer;
    const params = { offences: failed.map((o) => o.description ?? o.id).join('; '), test };
    const transferable = partial.value ? sentences.filter((s) => s.offences.length > 0 && s.offences.every((id) => !failed.some((o) => o.id === id))) : [];
    // Partial recognition is only offered once every remaining offence is assessed: no guess on an unknown.
    if (transferable.length > 0 && missing !== null) {
      return result('dual-criminality', 'unknown', source, 'cond.dualCriminality.unknown', { test }, { missing });
    }
    const partialFlags = transferable.map((s) => `partial:${s.id}`);
    // 2008/909 Art. 9(1)(d): a ground the executing State may invoke, not a bar (a part may still be recognised, Art. 10).
    if (rule.value.effect === 'optional-refusal') {
      const why = transferable.length > 0 ? { source: `${source.source}; ${partial.source}`, confidence: source.confidence } : source;
      return result('dual-criminality', 'not_met', why, 'cond.dualCriminality.optional', params, {
        effect: 'optional_refusal',
        flags: ['optional_refusal:dual_criminality', ...partialFlags],
      });
    }
    if (transferable.length > 0) {
      return result('dual-criminality', 'waived', partial, 'cond.dualCriminality.partial', Object.assign({}, params, { sentences: transferable.map((s) => s.id).join(', ') }), { flags: partialFlags });
    }
    return result('dual-criminality', 'not_met', source, 'cond.dualCriminality.notMet', params);
  }
  if (missing !== null) return result('dual-criminality', 'unknown', source, 'cond.dualCriminality.unknown', { test }, { missing });
  return exempt.length > 0
    ? result('dual-criminality', 'met', source, 'cond.dualCriminality.metList', { offences: exempt.join(', '), test })
    : result('dual-criminality', 'met', source, 'cond.dualCriminality.met', { test });
}
