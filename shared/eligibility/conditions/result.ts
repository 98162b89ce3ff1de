/** Small constructors shared by the condition evaluators. */
import type { MessageParams } from '../../messages.ts';
import type { Confidence } from '../../treaties/confidence.ts';
import type { Param } from '../../treaties/schema.ts';
import type { ConditionEffect, ConditionId, ConditionResult, ConditionStatus } from '../types.ts';

export function result(
  id: ConditionId,
  status: ConditionStatus,
  rule: { source: string; confidence: Confidence },
  messageKey: string,
  params: MessageParams = {},
  extra: Partial<Pick<ConditionResult, 'effect' | 'missing' | 'flags' | 'clearsOn' | 'holdsFrom'>> = {},
): ConditionResult {
  if (extra.holdsFrom != null) {
    return { id, status, effect: extra.effect ?? 'mandatory', source: rule.source, confidence: rule.confidence, messageKey, params, missing: extra.missing ?? [], flags: extra.flags ?? [], clearsOn: null, holdsFrom: extra.holdsFrom };
  }
  return {
    id,
    status,
    effect: extra.effect ?? 'mandatory',
    source: rule.source,
    confidence: rule.confidence,
    messageKey,
    params,
    missing: extra.missing ?? [],
    flags: extra.flags ?? [],
    clearsOn: extra.clearsOn ?? null,
  };
}

/** The status a failing condition takes under the rule's effect. */
export function failing(effect: ConditionEffect | 'mandatory-with-exception'): { status: ConditionStatus; effect: ConditionEffect } {
  if (effect === 'mandatory-with-exception') return { status: 'waived', effect: 'mandatory' };
  return { status: 'not_met', effect };
}

export function notApplicable(id: ConditionId, rule: Param<unknown>): ConditionResult {
  return result(id, 'not_applicable', rule, 'cond.notApplicable', { source: rule.source });
}

export type Tri = 'yes' | 'no' | 'unknown';

export function fromBoolean(value: boolean | null | undefined): Tri {
  return value == null ? 'unknown' : value ? 'yes' : 'no';
}
