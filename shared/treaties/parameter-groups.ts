/**
 * The parameters of a rule-set grouped by the condition that reads them, in the order the
 * eligibility panel shows conditions; what no condition reads (the reference event, the
 * States' agreement, procedure) is grouped as "general". The Treaties page and the diff
 * show parameters in this order.
 */
import type { ConditionId } from '../eligibility/types.ts';
import { PARAMETER_KEYS, type RuleSet } from './schema.ts';

export type ParameterKey = (typeof PARAMETER_KEYS)[number];
export type ParameterGroupId = ConditionId | 'general';

const BY_CONDITION: readonly { group: ConditionId; keys: readonly ParameterKey[] }[] = [
  { group: 'nationality', keys: ['link'] },
  { group: 'dual-nationality', keys: ['dualNationality'] },
  { group: 'domicile', keys: ['domicileExclusion'] },
  { group: 'final-judgment', keys: ['finality'] },
  { group: 'other-proceedings', keys: ['otherProceedings'] },
  { group: 'custody-status', keys: ['conditionalRelease'] },
  { group: 'remaining-sentence', keys: ['minRemaining', 'remainingBasis', 'indeterminateBypass'] },
  { group: 'minimum-served', keys: ['minServed'] },
  { group: 'consent', keys: ['consent'] },
  { group: 'state-consent', keys: ['subnationalConsent'] },
  { group: 'dual-criminality', keys: ['dualCriminality', 'listExemption', 'offenceScope'] },
  { group: 'excluded-offences', keys: ['excludedOffences'] },
  { group: 'death-sentence', keys: ['deathSentence'] },
  { group: 'financial-obligations', keys: ['financialObligations'] },
];

export interface ParameterGroup {
  id: ParameterGroupId;
  keys: ParameterKey[];
}

/** Every parameter key exactly once: the condition groups, then "general" with the rest (a key added to the schema later lands there). */
export const PARAMETER_GROUPS: readonly ParameterGroup[] = (() => {
  const grouped = new Set<ParameterKey>(BY_CONDITION.flatMap((g) => g.keys));
  const general = PARAMETER_KEYS.filter((k) => !grouped.has(k));
  return [{ id: 'general' as const, keys: general }, ...BY_CONDITION.map((g) => ({ id: g.group, keys: [...g.keys] }))];
})();

/** Whether a rule-set rests on any parameter not confirmed from a source (`U`), consent routes included. */
export function hasUnconfirmed(ruleSet: RuleSet): boolean {
  return PARAMETER_KEYS.some((k) => ruleSet[k].confidence === 'U') || ruleSet.consentExceptions.some((e) => e.confidence === 'U');
}
