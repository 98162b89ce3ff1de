/**
 * Dual criminality (ETS 112 Art. 3(1)(e)), offence by offence; 2008/909 Art. 7(1) lifts it
 * for the 32 listed offences punishable in the issuing State by at least three years, unless
 * the executing State opted out (Art. 7(4)). Where partial recognition exists (2008/909
 * Art. 10), sentences whose offences all pass can still be transferred by agreement.
 */
import { EU_LIST_CODES } from '../../domain/categories.ts';
import type { Offence } from '../../domain/case.ts';
import type { AssessmentContext, ConditionResult } from '../types.ts';
import { declarationsOf, unidentifiedDeclarationsOf } from '../../treaties/map/relations.ts';
import { offencesInScope } from './offence-scope.ts';
import { notApplicable, result } from './result.ts';
import { MAP_ENTRY } from './treaty-basis.ts';

/**
 * Art. 7(4): whether the executing State declared it will not apply the list. `declared`: the
 * rule-set names it, or the treaty map holds its declaration; `unconfirmed`: the map holds a
 * declaration it does not confirm, or one whose content it lacks (`unread`), or knows that some
 * parties declared without knowing which (`unidentifiedDeclarations`) and this one may be among
 * them, so the list may or may not apply; `none`: the map knows of no declaration it may have made.
 */
type OptOut = { status: 'declared' | 'none' } | { status: 'unconfirmed'; article: string; source: string };

function listOptOut(ctx: AssessmentContext, optOutStates: readonly string[]): OptOut {
  const state = ctx.case.administeringState;
  if (optOutStates.includes(state)) return { status: 'declared' };
  const declared = declarationsOf(ctx.map, ctx.ruleSet.id, state, 'dual-criminality-opt-out', ctx.reference);
  if (declared.some((d) => d.confidence !== 'U')) return { status: 'declared' };
  const doubtful =
    declared[0] ??
    declarationsOf(ctx.map, ctx.ruleSet.id, state, 'unread', ctx.reference).find((d) => d.mayConcern.includes('dual-criminality-opt-out')) ??
    unidentifiedDeclarationsOf(ctx.map, ctx.ruleSet.id, state, 'dual-criminality-opt-out')[0];
  return doubtful === undefined ? { status: 'none' } : { status: 'unconfirmed', article: doubtful.article, source: doubtful.source };
}

type OffenceOutcome = { value: 'ok' | 'fail' | 'unknown'; exempt: boolean; missing: string[]; unconfirmed?: true };

function offenceOutcome(ctx: AssessmentContext, offence: Offence, index: number, optOut: OptOut): OffenceOutcome {
  const exemption = ctx.ruleSet.listExemption.value;
  const listed = offence.categories?.some((code) => EU_LIST_CODES.has(code)) ?? false;
  const missing: string[] = [];
  if (exemption !== null && listed && optOut.status !== 'declared') {
    const punishable = offence.maxPenaltyMonths != null && offence.maxPenaltyMonths >= exemption.thresholdMonths;
    if (punishable && optOut.status === 'none') return { value: 'ok', exempt: true, missing };
    // The list would lift the check, but the State may have opted out: only the check itself settles it.
    if (punishable && offence.dualCriminality !== 'yes') {
      return { value: 'unknown', exempt: false, missing: [offence.dualCriminality === 'no' ? MAP_ENTRY : `offences[${index}].dualCriminality`], unconfirmed: true };
    }
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
  const optOut = ctx.ruleSet.listExemption.value === null ? ({ status: 'none' } as const) : listOptOut(ctx, ctx.ruleSet.listExemption.value.optOutStates);
  const unconfirmed: string[] = [];
  offencesInScope(ctx).forEach(({ offence: o, index: i }) => {
    const outcome = offenceOutcome(ctx, o, i, optOut);
    if (outcome.value === 'fail') failed.push(o);
    if (outcome.exempt) exempt.push(o.id);
    if (outcome.unconfirmed === true) unconfirmed.push(o.description ?? o.id);
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
  if (missing !== null && unconfirmed.length > 0 && optOut.status === 'unconfirmed') {
    const doubt = { source: `${rule.source}; ${ctx.ruleSet.listExemption.source}; ${ctx.case.administeringState}'s declaration under Art. ${optOut.article}: ${optOut.source}`, confidence: 'U' as const };
    return result('dual-criminality', 'unknown', doubt, 'cond.dualCriminality.unknown.optOutUnconfirmed', { state: ctx.case.administeringState, article: optOut.article, offences: unconfirmed.join('; ') }, { missing });
  }
  if (missing !== null) return result('dual-criminality', 'unknown', source, 'cond.dualCriminality.unknown', { test }, { missing });
  return exempt.length > 0
    ? result('dual-criminality', 'met', source, 'cond.dualCriminality.metList', { offences: exempt.join(', '), test })
    : result('dual-criminality', 'met', source, 'cond.dualCriminality.met', { test });
}
