/** Words for a case's status and for the verdict filter, shared by the list, the identity bar and the timeline. */
import type { CaseStatus } from '../../shared/vocabularies.ts';
import type { VerdictFilter } from '../store/case-query.ts';
import type { Text } from './use-text.ts';

export function caseStatusLabel(text: Text, status: CaseStatus | null): string {
  return status === null ? text.ui('ui.caseStatus.none') : text.ui(`ui.caseStatus.${status}`);
}

export function verdictFilterLabel(text: Text, verdict: VerdictFilter): string {
  return verdict === 'not_assessed' ? text.ui('ui.verdict.not_assessed') : text.ui(`verdict.${verdict}`);
}
