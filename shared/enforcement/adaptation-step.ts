/**
 * When the decision adapting or converting the sentence is recorded (docs/domain.md "The steps of a transfer": I4): on an
 * incoming case, once the States have agreed and until the handover, or after it (ETS 112
 * Art. 11(2): a conversion may follow the transfer, the person kept in custody meanwhile).
 */
import type { CaseStatus, CloseOutcome, Direction, OpenStatus } from '../vocabularies.ts';
import { directionOf } from '../workflow/steps.ts';

const ADAPTATION_STEPS: readonly OpenStatus[] = ['agreed', 'consent-verification', 'handover-scheduled'];

export function atAdaptationStep(status: CaseStatus | null | undefined, closeOutcome: CloseOutcome | null): boolean {
  if (closeOutcome !== null) return closeOutcome === 'transferred';
  return status != null && (ADAPTATION_STEPS as readonly string[]).includes(status);
}

export function mayRecordDecision(direction: Direction | null | undefined, status: CaseStatus | null | undefined, closeOutcome: CloseOutcome | null): boolean {
  return directionOf(direction) === 'incoming' && atAdaptationStep(status, closeOutcome);
}
