/**
 * What-ifs: an assessment under another rule-set than the one the case named when it was made is
 * exploration ("where could this person go?"). The store keeps it but never makes it the case's
 * verdict or its due dates (electron/services/assessments.ts); the screens say so too.
 */
import type { AssessmentRecord, CaseRecord } from '../../shared/api-schemas.ts';

export function isWhatIf(a: AssessmentRecord): boolean {
  const own = a.caseSnapshot.ruleSetId ?? null;
  return own !== null && own !== a.ruleSet.id;
}

/** The assessment that is the case's verdict: the one the store says, else the newest that is no what-if. */
export function caseVerdictAssessment(record: CaseRecord, assessments: readonly AssessmentRecord[]): AssessmentRecord | null {
  const latestId = record.latestAssessment?.id;
  return assessments.find((a) => a.id === latestId) ?? assessments.find((a) => !isWhatIf(a)) ?? null;
}
