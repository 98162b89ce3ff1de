/**
 * What a re-assessment changed for one case: the verdict before and after, and every
 * condition whose status moved (the "why" a report gives next to "eligible -> not eligible").
 * Pure: the service passes the case's previous and new stored results.
 */
import type { StoredAssessment } from '../api-schemas.ts';
import type { StoredVerdict } from '../vocabularies.ts';
import type { ConditionId } from '../eligibility/types.ts';

type Status = StoredAssessment['conditions'][number]['status'];

export interface ConditionChange {
  id: ConditionId;
  /** null: the condition was not in the earlier result (or there was none). */
  before: Status | null;
  after: Status;
}

export interface VerdictChange {
  before: StoredVerdict | null;
  after: StoredVerdict;
  verdictChanged: boolean;
  conditions: ConditionChange[];
}

/** What a change is read from: a stored result, or its outcome (stored-result.ts). */
type Outcome = Pick<StoredAssessment, 'verdict'> & { conditions: readonly Pick<StoredAssessment['conditions'][number], 'id' | 'status'>[] };

/** `before` null: the case had never been assessed, so every condition is new. */
export function verdictChange(before: Outcome | null, after: Outcome): VerdictChange {
  const earlier = new Map(before?.conditions.map((c) => [c.id, c.status]) ?? []);
  const conditions = after.conditions.flatMap((c): ConditionChange[] => {
    const was = earlier.get(c.id) ?? null;
    return was === c.status ? [] : [{ id: c.id, before: was, after: c.status }];
  });
  return { before: before?.verdict ?? null, after: after.verdict, verdictChanged: before?.verdict !== after.verdict, conditions };
}
